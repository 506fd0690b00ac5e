namespace FleetTui.Terminal.Emulation;

/// <summary>Bytes the terminal sends back to the program (answers to DA, DSR, DECRQM, OSC queries ...): write them to the PTY.</summary>
public delegate void TerminalReplyHandler(ReadOnlySpan<byte> reply);

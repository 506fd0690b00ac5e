namespace FleetTui.Terminal;

/// <summary>Marker for the terminal assembly: PTY host and VT emulator, headless.</summary>
public static class TerminalAssembly;

namespace FleetTui.Terminal.Parsing;

/// <summary>
/// The per-byte actions of the transition table. Entry and exit actions (clear, hook, unhook, OSC start/end)
/// are not in the table: the parser runs them when the state changes.
/// </summary>
internal enum VtAction : byte
{
    Ignore,
    Print,
    Execute,
    Collect,
    Param,
    EscDispatch,
    CsiDispatch,
    Put,
    OscPut,
}

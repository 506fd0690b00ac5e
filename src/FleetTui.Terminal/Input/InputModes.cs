namespace FleetTui.Terminal.Input;

/// <summary>The terminal modes that change what keys, pastes and the mouse send; the emulator fills this from its mode state.</summary>
public readonly record struct InputModes(
    bool ApplicationCursor = false,
    bool BracketedPaste = false,
    MouseTracking MouseTracking = MouseTracking.None,
    MouseEncoding MouseEncoding = MouseEncoding.Default,
    bool FocusEvents = false,
    bool BackarrowSendsBackspace = false)
{
    /// <summary>What a terminal starts in (and returns to after a reset).</summary>
    public static InputModes Default => default;
}

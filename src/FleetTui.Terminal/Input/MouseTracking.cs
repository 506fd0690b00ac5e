namespace FleetTui.Terminal.Input;

/// <summary>Which mouse events the program asked for (DEC private modes 9, 1000, 1002, 1003).</summary>
public enum MouseTracking
{
    None,

    /// <summary>Mode 9: button presses only, without modifiers.</summary>
    X10,

    /// <summary>Mode 1000: presses, releases and the wheel.</summary>
    Normal,

    /// <summary>Mode 1002: also motion while a button is held.</summary>
    ButtonEvent,

    /// <summary>Mode 1003: also motion with no button held.</summary>
    AnyEvent,
}

namespace FleetTui.Terminal.Input;

/// <summary>The button of a mouse event; <see cref="None"/> for motion with no button held.</summary>
public enum MouseButton
{
    None,
    Left,
    Middle,
    Right,
    WheelUp,
    WheelDown,
    WheelLeft,
    WheelRight,
}

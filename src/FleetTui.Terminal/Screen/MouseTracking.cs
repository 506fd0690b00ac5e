namespace FleetTui.Terminal.Screen;

/// <summary>Which mouse events the program asked for (modes 9, 1000, 1002, 1003).</summary>
public enum MouseTracking : byte
{
    None,
    X10,
    Normal,
    ButtonEvent,
    AnyEvent,
}

namespace FleetTui.Terminal.Input;

public enum MouseEventKind
{
    Press,
    Release,
    Motion,
}

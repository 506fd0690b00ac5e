namespace FleetTui.Terminal.Input;

/// <summary>Modifier keys. The values are xterm's bits, so a modified key's parameter is <c>1 + (int)modifiers</c>.</summary>
[Flags]
public enum KeyModifiers
{
    None = 0,
    Shift = 1,
    Alt = 2,
    Ctrl = 4,
}

namespace FleetTui.Terminal.Input;

/// <summary>The keys a pane forwards to its program. Printable input is <see cref="Character"/> with the character in <see cref="KeyInput.Character"/>.</summary>
public enum Key
{
    Character,
    Enter,
    Tab,
    Backspace,
    Escape,
    Up,
    Down,
    Right,
    Left,
    Home,
    End,
    PageUp,
    PageDown,
    Insert,
    Delete,
    F1,
    F2,
    F3,
    F4,
    F5,
    F6,
    F7,
    F8,
    F9,
    F10,
    F11,
    F12,
}

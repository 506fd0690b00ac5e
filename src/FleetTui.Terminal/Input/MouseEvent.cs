namespace FleetTui.Terminal.Input;

/// <summary>A mouse event over a pane, at a 0-based cell (the reports themselves are 1-based).</summary>
public readonly record struct MouseEvent(
    MouseEventKind Kind,
    MouseButton Button,
    int Column,
    int Row,
    KeyModifiers Modifiers = KeyModifiers.None);

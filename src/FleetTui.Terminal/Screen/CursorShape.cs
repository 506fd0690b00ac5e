namespace FleetTui.Terminal.Screen;

/// <summary>DECSCUSR cursor shapes (<c>CSI Ps SP q</c>); blinking is <see cref="Cursor.Blinking"/>.</summary>
public enum CursorShape : byte
{
    Default,
    Block,
    Underline,
    Bar,
}

namespace FleetTui.Terminal.Screen;

/// <summary>Text attributes set by SGR. The underline style lives apart, in <see cref="CellStyle.Underline"/>.</summary>
[Flags]
public enum CellFlags : byte
{
    None = 0,
    Bold = 1 << 0,
    Dim = 1 << 1,
    Italic = 1 << 2,
    Blink = 1 << 3,
    Inverse = 1 << 4,
    Hidden = 1 << 5,
    Strikethrough = 1 << 6,
    Overline = 1 << 7,
}

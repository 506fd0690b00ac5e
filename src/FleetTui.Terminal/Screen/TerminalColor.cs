namespace FleetTui.Terminal.Screen;

/// <summary>
/// A color packed in 32 bits: the kind in the top byte, then a palette index (0-255: 0-15 the ANSI colors)
/// or R, G, B. The all-zero value is the default color, so a zeroed cell has default colors.
/// </summary>
public readonly record struct TerminalColor
{
    private readonly uint _packed;

    private TerminalColor(uint packed) => _packed = packed;

    public static TerminalColor Default => default;

    public static TerminalColor Indexed(int index) => new((1u << 24) | (uint)(index & 0xFF));

    public static TerminalColor Rgb(int r, int g, int b) =>
        new((2u << 24) | ((uint)(r & 0xFF) << 16) | ((uint)(g & 0xFF) << 8) | (uint)(b & 0xFF));

    public ColorKind Kind => (ColorKind)(_packed >> 24);

    public bool IsDefault => _packed == 0;

    /// <summary>Palette index; meaningful when <see cref="Kind"/> is <see cref="ColorKind.Indexed"/>.</summary>
    public int Index => (int)(_packed & 0xFF);

    public byte R => (byte)(_packed >> 16);

    public byte G => (byte)(_packed >> 8);

    public byte B => (byte)_packed;

    public uint Packed => _packed;

    public override string ToString() => Kind switch
    {
        ColorKind.Default => "default",
        ColorKind.Indexed => $"#{Index}",
        _ => $"rgb({R},{G},{B})",
    };
}

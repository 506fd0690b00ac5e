namespace FleetTui.Terminal.Screen;

/// <summary>How a <see cref="TerminalColor"/> is given: the terminal's default, a palette index, or 24-bit RGB.</summary>
public enum ColorKind : byte
{
    Default = 0,
    Indexed = 1,
    Rgb = 2,
}

using FleetTui.Terminal.Screen;

namespace FleetTui.Terminal.Emulation;

/// <summary>
/// The colors OSC 4/10/11/12 queries are answered with (the UI sets them from its theme; programs may change them
/// with OSC 4/10/11/12 and reset them with OSC 104/110/111/112). Defaults: xterm's 256-color palette.
/// </summary>
public sealed class TerminalPalette
{
    private readonly TerminalColor[] _defaults = BuildXterm();
    private readonly TerminalColor[] _colors;

    public TerminalPalette()
    {
        _colors = (TerminalColor[])_defaults.Clone();
        Foreground = DefaultForeground;
        Background = DefaultBackground;
        Cursor = DefaultForeground;
    }

    public TerminalColor DefaultForeground { get; set; } = TerminalColor.Rgb(0xE5, 0xE5, 0xE5);

    public TerminalColor DefaultBackground { get; set; } = TerminalColor.Rgb(0, 0, 0);

    public TerminalColor Foreground { get; set; }

    public TerminalColor Background { get; set; }

    public TerminalColor Cursor { get; set; }

    public TerminalColor this[int index]
    {
        get => _colors[index & 0xFF];
        set => _colors[index & 0xFF] = value;
    }

    /// <summary>Sets the theme's base colors: they become the defaults a reset returns to.</summary>
    public void SetDefault(int index, TerminalColor rgb)
    {
        _defaults[index & 0xFF] = rgb;
        _colors[index & 0xFF] = rgb;
    }

    public void Reset(int index) => _colors[index & 0xFF] = _defaults[index & 0xFF];

    public void ResetAll() => _defaults.CopyTo(_colors, 0);

    private static TerminalColor[] BuildXterm()
    {
        var colors = new TerminalColor[256];
        int[] ansi =
        [
            0x000000, 0xCD0000, 0x00CD00, 0xCDCD00, 0x0000EE, 0xCD00CD, 0x00CDCD, 0xE5E5E5,
            0x7F7F7F, 0xFF0000, 0x00FF00, 0xFFFF00, 0x5C5CFF, 0xFF00FF, 0x00FFFF, 0xFFFFFF,
        ];
        for (var i = 0; i < 16; i++)
            colors[i] = TerminalColor.Rgb(ansi[i] >> 16, (ansi[i] >> 8) & 0xFF, ansi[i] & 0xFF);
        int[] levels = [0, 95, 135, 175, 215, 255];
        for (var i = 0; i < 216; i++)
            colors[16 + i] = TerminalColor.Rgb(levels[i / 36], levels[i / 6 % 6], levels[i % 6]);
        for (var i = 0; i < 24; i++)
        {
            var v = 8 + i * 10;
            colors[232 + i] = TerminalColor.Rgb(v, v, v);
        }

        return colors;
    }
}

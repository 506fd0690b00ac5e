using FleetTui.Terminal.Screen;
using FleetTui.Ui.Themes;

namespace FleetTui.Ui.Panes;

/// <summary>
/// Pure mapping from a cell's style to the colors drawn: default colors and the 16 ANSI colors come from the theme,
/// 16–255 from the xterm 256-color cube, truecolor as is; inverse swaps; hidden draws the text in the background color.
/// </summary>
public static class CellColors
{
    public static (RgbColor Foreground, RgbColor Background) Resolve(in CellStyle style, Theme theme)
    {
        var foreground = Resolve(style.Foreground, theme, theme.PaneForeground);
        var background = Resolve(style.Background, theme, theme.PaneBackground);
        // Bold with a basic ANSI color shows its bright variant, as xterm and tmux do.
        if (style.Has(CellFlags.Bold) && style.Foreground.Kind == ColorKind.Indexed && style.Foreground.Index < 8)
            foreground = theme.Ansi[style.Foreground.Index + 8];
        if (style.Has(CellFlags.Inverse))
            (foreground, background) = (background, foreground);
        if (style.Has(CellFlags.Hidden))
            foreground = background;
        return (foreground, background);
    }

    public static RgbColor Resolve(TerminalColor color, Theme theme, RgbColor fallback) => color.Kind switch
    {
        ColorKind.Indexed when color.Index < 16 => theme.Ansi[color.Index],
        ColorKind.Indexed => Xterm256(color.Index),
        ColorKind.Rgb => new RgbColor(color.R, color.G, color.B),
        _ => fallback,
    };

    /// <summary>The xterm palette above 16: a 6x6x6 cube, then 24 grays.</summary>
    public static RgbColor Xterm256(int index)
    {
        if (index >= 232)
        {
            var gray = (byte)(8 + (index - 232) * 10);
            return new RgbColor(gray, gray, gray);
        }
        var cube = index - 16;
        static byte Level(int step) => (byte)(step == 0 ? 0 : 55 + step * 40);
        return new RgbColor(Level(cube / 36), Level(cube / 6 % 6), Level(cube % 6));
    }
}

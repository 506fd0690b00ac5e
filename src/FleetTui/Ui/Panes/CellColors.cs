using FleetTui.Terminal.Screen;
using FleetTui.Ui.Themes;
using FleetTui.Ui.Views;
using Terminal.Gui.Drawing;
using Attribute = Terminal.Gui.Drawing.Attribute;

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

    /// <summary>
    /// Under NO_COLOR: the colours a program asked for are its content and stay, but its default colours are the
    /// terminal's own (no theme background painted behind every cell). Inverse over a default colour is the terminal's
    /// reverse video.
    /// </summary>
    public static Attribute WithoutDefaultColors(in CellStyle style, Theme theme, TextStyle textStyle)
    {
        Color? Explicit(TerminalColor color) => color.Kind == ColorKind.Default ? null : ChromeAttributes.ToColor(Resolve(color, theme, theme.PaneForeground));
        var foreground = style.Has(CellFlags.Bold) && style.Foreground.Kind == ColorKind.Indexed && style.Foreground.Index < 8
            ? ChromeAttributes.ToColor(theme.Ansi[style.Foreground.Index + 8])
            : Explicit(style.Foreground);
        var background = Explicit(style.Background);
        if (style.Has(CellFlags.Inverse))
        {
            if (foreground is null || background is null)
                textStyle |= TextStyle.Reverse;
            else
                (foreground, background) = (background, foreground);
        }
        if (style.Has(CellFlags.Hidden) && background is { } hidden)
            foreground = hidden;
        return new Attribute(foreground ?? Color.None, background ?? Color.None, textStyle);
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
        var (r, g, b) = FleetTui.Display.ColorQuantizer.Xterm256(index);
        return new RgbColor(r, g, b);
    }
}

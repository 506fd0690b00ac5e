using FleetTui.Display;

namespace FleetTui.Ui.Themes;

/// <summary>
/// A theme as the terminal will really show it at its colour depth, so that what the cockpit believes it draws (and tells
/// the host for programs' colour queries) is what is on screen. At 24 bits nothing changes; at 256 every colour becomes
/// its nearest palette colour; at 16 the chrome does too, and the ANSI slots become the terminal's own 16 (a program asking
/// for red gets the terminal's red, never a nearest guess that could be another slot).
/// </summary>
public static class ThemeAtDepth
{
    public static Theme For(Theme theme, ColorDepth depth)
    {
        if (depth is not (ColorDepth.Colors16 or ColorDepth.Colors256))
            return theme;
        RgbColor Map(RgbColor color)
        {
            var (r, g, b) = ColorQuantizer.Drawn(color.R, color.G, color.B, depth);
            return new RgbColor(r, g, b);
        }
        var c = theme.Chrome;
        return theme with
        {
            Chrome = c with
            {
                Background = Map(c.Background), Foreground = Map(c.Foreground), Border = Map(c.Border), BorderFocused = Map(c.BorderFocused),
                Title = Map(c.Title), TitleFocused = Map(c.TitleFocused),
                SelectionBackground = Map(c.SelectionBackground), SelectionForeground = Map(c.SelectionForeground),
                StatusBackground = Map(c.StatusBackground), StatusForeground = Map(c.StatusForeground),
                Accent = Map(c.Accent), Muted = Map(c.Muted), Success = Map(c.Success), Warning = Map(c.Warning), Error = Map(c.Error),
            },
            PaneForeground = Map(theme.PaneForeground),
            PaneBackground = Map(theme.PaneBackground),
            Ansi = depth == ColorDepth.Colors16
                ? [.. ColorQuantizer.Xterm16.Select(x => new RgbColor(x.R, x.G, x.B))]
                : [.. theme.Ansi.Select(Map)],
        };
    }
}

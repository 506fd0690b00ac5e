using FleetTui.Host.Protocol;

namespace FleetTui.Ui.Themes;

/// <summary>The colours a theme draws panes with, as the host needs them to answer programs' colour queries.</summary>
public static class ThemeClientColors
{
    public static ClientColors Of(Theme theme) =>
        new(Pack(theme.PaneForeground), Pack(theme.PaneBackground), Pack(theme.PaneForeground), [.. theme.Ansi.Select(Pack)]);

    private static int Pack(RgbColor color) => (color.R << 16) | (color.G << 8) | color.B;
}

using FleetTui.Host.Protocol;
using FleetTui.Terminal.Emulation;
using FleetTui.Terminal.Screen;

namespace FleetTui.Host.Panes;

/// <summary>
/// The colours a pane is shown with, as the emulator must answer a program's colour queries (OSC 4, 10, 11, 12): the
/// active cockpit's theme, so a program that tints itself by the background (Codex shades its logo from it) sees the
/// background the user really has behind it.
/// </summary>
public static class PaneColors
{
    public static void Apply(TerminalPalette palette, ClientColors colors)
    {
        palette.DefaultForeground = palette.Foreground = Rgb(colors.Foreground);
        palette.DefaultBackground = palette.Background = Rgb(colors.Background);
        palette.Cursor = Rgb(colors.Cursor);
        for (var i = 0; i < Math.Min(16, colors.Ansi.Count); i++)
            palette.SetDefault(i, Rgb(colors.Ansi[i]));
    }

    private static TerminalColor Rgb(int packed) => TerminalColor.Rgb((packed >> 16) & 0xFF, (packed >> 8) & 0xFF, packed & 0xFF);
}

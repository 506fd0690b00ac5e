using FleetTui.Display;
using FleetTui.Ui.Themes;
using Shouldly;
using Xunit;

namespace FleetTui.Tests.Ui.Themes;

/// <summary>The colours the cockpit tells the host (for programs' OSC 4/10/11 queries) are the ones the terminal shows.</summary>
public class ThemeAtDepthTests
{
    private static readonly Theme Default = ThemeLoader.Resolve(null, null, noColor: false);

    private static int Pack((byte R, byte G, byte B) c) => (c.R << 16) | (c.G << 8) | c.B;

    [Fact]
    public void At_24_bits_the_host_is_told_the_themes_own_colours()
    {
        var colors = ThemeClientColors.Of(ThemeAtDepth.For(Default, ColorDepth.TrueColor));

        colors.Background.ShouldBe(0x15171c);
        colors.Foreground.ShouldBe(0xd8dee9);
        colors.Ansi[1].ShouldBe(0xbf616a);
    }

    [Fact]
    public void At_256_colours_every_colour_told_is_the_palette_colour_drawn_for_it()
    {
        var colors = ThemeClientColors.Of(ThemeAtDepth.For(Default, ColorDepth.Colors256));

        colors.Background.ShouldBe(Pack(ColorQuantizer.Xterm256(ColorQuantizer.Index(0x15, 0x17, 0x1c, ColorDepth.Colors256))));
        colors.Foreground.ShouldBe(Pack(ColorQuantizer.Xterm256(ColorQuantizer.Index(0xd8, 0xde, 0xe9, ColorDepth.Colors256))));
        colors.Ansi[1].ShouldBe(Pack(ColorQuantizer.Xterm256(ColorQuantizer.Index(0xbf, 0x61, 0x6a, ColorDepth.Colors256))));
    }

    [Fact]
    public void At_16_colours_the_ansi_slots_are_the_terminals_own_and_the_chrome_its_nearest()
    {
        var theme = ThemeAtDepth.For(Default, ColorDepth.Colors16);
        var colors = ThemeClientColors.Of(theme);

        colors.Ansi.ShouldBe(ColorQuantizer.Xterm16.Select(Pack).ToList());
        colors.Background.ShouldBe(0x000000);
        colors.Foreground.ShouldBe(0xe5e5e5);
        // Every colour the chrome draws maps to a slot exactly: what is drawn is what the theme now says.
        var c = theme.Chrome;
        foreach (var color in new[] { c.Background, c.Foreground, c.Border, c.Accent, c.Muted, c.Warning, c.Error })
            ColorQuantizer.Drawn(color.R, color.G, color.B, ColorDepth.Colors16).ShouldBe((color.R, color.G, color.B));
    }
}

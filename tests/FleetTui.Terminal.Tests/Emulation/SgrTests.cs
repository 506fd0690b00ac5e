using FleetTui.Terminal.Screen;
using Shouldly;
using Xunit;

namespace FleetTui.Terminal.Tests.Emulation;

public class SgrTests
{
    private static CellStyle StyleAfter(string sgr) =>
        new TestTerminal(4, 1).Feed($"\e[{sgr}mx").Screen.GetLine(0)[0].Style;

    [Fact]
    public void Basic_attributes_and_colors()
    {
        var style = StyleAfter("1;3;7;9;31;42");
        style.Flags.ShouldBe(CellFlags.Bold | CellFlags.Italic | CellFlags.Inverse | CellFlags.Strikethrough);
        style.Foreground.ShouldBe(TerminalColor.Indexed(1));
        style.Background.ShouldBe(TerminalColor.Indexed(2));
    }

    [Fact]
    public void Bright_colors_map_to_indices_8_to_15()
    {
        var style = StyleAfter("91;103");
        style.Foreground.ShouldBe(TerminalColor.Indexed(9));
        style.Background.ShouldBe(TerminalColor.Indexed(11));
    }

    [Fact]
    public void Palette_and_truecolor_in_semicolon_form()
    {
        var style = StyleAfter("38;5;208;48;2;10;20;30;1");
        style.Foreground.ShouldBe(TerminalColor.Indexed(208));
        style.Background.ShouldBe(TerminalColor.Rgb(10, 20, 30));
        style.Has(CellFlags.Bold).ShouldBeTrue();
    }

    [Fact]
    public void Palette_and_truecolor_in_colon_form()
    {
        var style = StyleAfter("38:2::255:128:0;48:5:17;58:2:1:2:3");
        style.Foreground.ShouldBe(TerminalColor.Rgb(255, 128, 0));
        style.Background.ShouldBe(TerminalColor.Indexed(17));
        style.UnderlineColor.ShouldBe(TerminalColor.Rgb(1, 2, 3));
    }

    [Fact]
    public void Underline_styles()
    {
        StyleAfter("4").Underline.ShouldBe(UnderlineStyle.Single);
        StyleAfter("4:3").Underline.ShouldBe(UnderlineStyle.Curly);
        StyleAfter("21").Underline.ShouldBe(UnderlineStyle.Double);
        StyleAfter("4:3;24").Underline.ShouldBe(UnderlineStyle.None);
    }

    [Fact]
    public void Reset_clears_everything()
    {
        StyleAfter("1;31;4;0").ShouldBe(default(CellStyle));
        StyleAfter("1;2;22").Flags.ShouldBe(CellFlags.None);
    }

    [Fact]
    public void A_truncated_extended_color_is_ignored()
    {
        StyleAfter("38;2;1").Foreground.IsDefault.ShouldBeTrue();
        StyleAfter("38;5").Foreground.IsDefault.ShouldBeTrue();
    }
}

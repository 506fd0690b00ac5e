using FleetTui.Display;
using Shouldly;
using Xunit;

namespace FleetTui.Tests.Display;

public class ColorSupportTests
{
    private static ColorSupport Detect(string? term, string? colorTerm = null) =>
        ColorSupport.Detect(name => name switch { "TERM" => term, "COLORTERM" => colorTerm, _ => null });

    [Theory]
    [InlineData("xterm-256color", "truecolor", ColorDepth.TrueColor)]
    [InlineData("screen", "24bit", ColorDepth.TrueColor)]
    [InlineData("xterm-direct", null, ColorDepth.TrueColor)]
    [InlineData("xterm-256color", null, ColorDepth.Colors256)]
    [InlineData("tmux-256color", "", ColorDepth.Colors256)]
    [InlineData("xterm", null, ColorDepth.Colors16)]
    [InlineData("screen", null, ColorDepth.Colors16)]
    [InlineData("linux", null, ColorDepth.Colors16)]
    [InlineData("vt100", null, ColorDepth.Colors16)]
    [InlineData("dumb", "truecolor", ColorDepth.Unusable)]
    [InlineData(null, "truecolor", ColorDepth.Unusable)]
    [InlineData("", null, ColorDepth.Unusable)]
    public void The_colour_depth_follows_colorterm_then_term(string? term, string? colorTerm, ColorDepth expected)
    {
        Detect(term, colorTerm).Depth.ShouldBe(expected);
    }

    [Fact]
    public void The_evidence_names_the_variable_that_decided()
    {
        Detect("xterm-256color", "truecolor").Evidence.ShouldBe("COLORTERM=truecolor");
        Detect("linux").Evidence.ShouldBe("TERM=linux");
        Detect(null).Evidence.ShouldBe("TERM is not set");
    }

    [Fact]
    public void An_unknown_term_counts_as_16_colours_and_is_flagged()
    {
        var support = Detect("wyse50");

        support.Depth.ShouldBe(ColorDepth.Colors16);
        support.IsKnownTerm.ShouldBeFalse();
        Detect("screen.xterm-new").IsKnownTerm.ShouldBeTrue();
    }
}

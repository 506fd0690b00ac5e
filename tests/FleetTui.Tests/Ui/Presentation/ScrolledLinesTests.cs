using FleetTui.Ui.Presentation;
using FleetTui.Ui.Views;
using Shouldly;
using Xunit;

namespace FleetTui.Tests.Ui.Presentation;

public class ScrolledLinesTests
{
    private static readonly IReadOnlyList<StyledLine> Ten = Enumerable.Range(1, 10).Select(i => StyledLine.Of($"line {i}")).ToList();

    [Fact]
    public void Text_that_fits_is_shown_whole_without_a_hint() =>
        ScrolledLines.Window(Ten, 0, 10).Select(l => l.Text).ShouldBe(Ten.Select(l => l.Text));

    [Fact]
    public void Text_that_does_not_fit_shows_a_window_and_says_what_is_below_and_how_to_scroll()
    {
        var window = ScrolledLines.Window(Ten, 0, 4).Select(l => l.Text).ToList();

        window.ShouldBe(["line 1", "line 2", "line 3", $" ↓7 more · {ScrolledLines.ScrollKeys}"]);
    }

    [Fact]
    public void In_the_middle_it_says_what_is_above_and_below()
    {
        var window = ScrolledLines.Window(Ten, 4, 4).Select(l => l.Text).ToList();

        window.ShouldBe(["line 5", "line 6", "line 7", $" ↑4 ↓3 more · {ScrolledLines.ScrollKeys}"]);
    }

    [Theory]
    [InlineData(-5, 0)]
    [InlineData(3, 3)]
    [InlineData(100, 7)] // the last full window: lines 8-10 above the hint
    public void Scrolling_stops_at_both_ends(int top, int clamped) => ScrolledLines.ClampTop(10, top, 4).ShouldBe(clamped);
}

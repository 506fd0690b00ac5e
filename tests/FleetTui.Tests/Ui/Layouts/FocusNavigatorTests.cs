using FleetTui.Ui.Layouts;
using Shouldly;
using Xunit;

namespace FleetTui.Tests.Ui.Layouts;

public class FocusNavigatorTests
{
    // 2x2 grid: 0 1 / 2 3
    private static readonly LayoutPlan Grid = LayoutCalculator.Compute(new LayoutRequest(100, 41, 4, 0, LayoutKind.Tiled, SidebarVisible: false));

    [Theory]
    [InlineData(0, FocusDirection.Right, 1)]
    [InlineData(0, FocusDirection.Down, 2)]
    [InlineData(3, FocusDirection.Left, 2)]
    [InlineData(3, FocusDirection.Up, 1)]
    [InlineData(0, FocusDirection.Left, 0)]
    [InlineData(1, FocusDirection.Up, 1)]
    public void Moves_to_the_neighbour_in_a_direction_or_stays_at_the_border(int from, FocusDirection direction, int expected) =>
        FocusNavigator.Move(Grid, from, direction).ShouldBe(expected);

    [Fact]
    public void Prefers_the_pane_sharing_the_longest_edge()
    {
        // main+stack: focused 0 on the left, 1..3 stacked on the right; moving right from the main lands on a stacked pane.
        var plan = LayoutCalculator.Compute(new LayoutRequest(100, 31, 4, 0, LayoutKind.MainStack, SidebarVisible: false));
        FocusNavigator.Move(plan, 0, FocusDirection.Right).ShouldBeOneOf(1, 2, 3);
        FocusNavigator.Move(plan, 2, FocusDirection.Left).ShouldBe(0);
    }

    [Fact]
    public void Cycles_next_and_previous()
    {
        FocusNavigator.Next(3, 4).ShouldBe(0);
        FocusNavigator.Previous(0, 4).ShouldBe(3);
        FocusNavigator.Next(0, 0).ShouldBe(0);
    }
}

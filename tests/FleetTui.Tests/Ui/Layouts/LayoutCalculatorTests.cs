using System.Drawing;
using FleetTui.Ui.Layouts;
using Shouldly;
using Xunit;

namespace FleetTui.Tests.Ui.Layouts;

public class LayoutCalculatorTests
{
    private static LayoutPlan Plan(int panes, LayoutKind kind, int focused = 0, bool sidebar = true, bool merge = false, int width = 160, int height = 48) =>
        LayoutCalculator.Compute(new LayoutRequest(width, height, panes, focused, kind, sidebar, 30, merge, 40));

    private static void PanesTileThePaneAreaExactly(LayoutPlan plan)
    {
        var visible = plan.Panes.Where(p => !p.IsEmpty).ToList();
        visible.Sum(p => p.Width * p.Height).ShouldBe(plan.PaneArea.Width * plan.PaneArea.Height);
        foreach (var pane in visible)
        {
            plan.PaneArea.Contains(pane).ShouldBeTrue($"{pane} outside {plan.PaneArea}");
            visible.Count(other => other != pane && other.IntersectsWith(pane)).ShouldBe(0, $"{pane} overlaps another pane");
        }
    }

    [Fact]
    public void Puts_the_sidebar_left_the_merge_panel_right_and_the_status_bar_on_the_last_row()
    {
        var plan = Plan(4, LayoutKind.Tiled, merge: true);

        plan.Sidebar.ShouldBe(new Rectangle(0, 0, 30, 47));
        plan.MergePanel.ShouldBe(new Rectangle(120, 0, 40, 47));
        plan.StatusBar.ShouldBe(new Rectangle(0, 47, 160, 1));
        plan.PaneArea.ShouldBe(new Rectangle(30, 0, 90, 47));
    }

    [Fact]
    public void Gives_hidden_panels_space_to_the_panes()
    {
        var plan = Plan(1, LayoutKind.Tiled, sidebar: false);

        plan.Sidebar.IsEmpty.ShouldBeTrue();
        plan.MergePanel.IsEmpty.ShouldBeTrue();
        plan.Panes.Single().ShouldBe(new Rectangle(0, 0, 160, 47));
    }

    [Fact]
    public void Tiles_four_panes_in_a_two_by_two_grid()
    {
        var plan = Plan(4, LayoutKind.Tiled, sidebar: false, width: 100, height: 41);

        plan.Panes.ShouldBe([new(0, 0, 50, 20), new(50, 0, 50, 20), new(0, 20, 50, 20), new(50, 20, 50, 20)]);
    }

    [Fact]
    public void Stretches_the_last_row_when_the_panes_do_not_fill_the_grid()
    {
        var plan = Plan(3, LayoutKind.Tiled, sidebar: false, width: 100, height: 41);

        plan.Panes[2].ShouldBe(new Rectangle(0, 20, 100, 20));
        PanesTileThePaneAreaExactly(plan);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(5)]
    [InlineData(8)]
    [InlineData(9)]
    [InlineData(13)]
    public void Tiled_panes_never_overlap_and_cover_the_pane_area(int count) =>
        PanesTileThePaneAreaExactly(Plan(count, LayoutKind.Tiled, merge: true));

    [Fact]
    public void Main_stack_gives_the_focused_pane_the_left_part_and_stacks_the_rest()
    {
        var plan = Plan(4, LayoutKind.MainStack, focused: 2, sidebar: false, width: 100, height: 31);

        plan.Panes[2].ShouldBe(new Rectangle(0, 0, 60, 30));
        plan.Panes[0].ShouldBe(new Rectangle(60, 0, 40, 10));
        plan.Panes[1].ShouldBe(new Rectangle(60, 10, 40, 10));
        plan.Panes[3].ShouldBe(new Rectangle(60, 20, 40, 10));
        PanesTileThePaneAreaExactly(plan);
    }

    [Fact]
    public void Zoom_shows_only_the_focused_pane_over_the_whole_pane_area()
    {
        var plan = Plan(3, LayoutKind.Zoom, focused: 1);

        plan.Panes[1].ShouldBe(plan.PaneArea);
        plan.IsPaneVisible(0).ShouldBeFalse();
        plan.IsPaneVisible(2).ShouldBeFalse();
    }

    [Fact]
    public void Drops_the_panels_on_a_screen_too_narrow_for_them_and_the_panes()
    {
        var plan = Plan(2, LayoutKind.Tiled, merge: true, width: 60);

        plan.MergePanel.IsEmpty.ShouldBeTrue();
        plan.Sidebar.Width.ShouldBe(30);
        Plan(2, LayoutKind.Tiled, merge: true, width: 40).Sidebar.IsEmpty.ShouldBeTrue();
    }

    [Fact]
    public void Survives_a_zero_sized_screen_and_no_panes()
    {
        Plan(0, LayoutKind.Tiled).Panes.ShouldBeEmpty();
        Plan(3, LayoutKind.MainStack, width: 0, height: 0).Panes.ShouldAllBe(p => p.IsEmpty);
    }

    [Fact]
    public void Clamps_a_focused_index_out_of_range()
    {
        Plan(2, LayoutKind.Zoom, focused: 7).IsPaneVisible(1).ShouldBeTrue();
    }

    [Fact]
    public void Splits_sizes_that_differ_by_at_most_one()
    {
        LayoutCalculator.Split(10, 3).ShouldBe([4, 3, 3]);
        LayoutCalculator.Split(2, 0).ShouldBeEmpty();
    }
}

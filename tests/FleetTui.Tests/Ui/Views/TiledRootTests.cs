using System.Drawing;
using FleetTui.Ui.Views;
using Shouldly;
using Terminal.Gui.ViewBase;
using Xunit;

namespace FleetTui.Tests.Ui.Views;

public class TiledRootTests
{
    private static (TiledRoot Root, View Left, View Right) TwoColumns()
    {
        var root = new TiledRoot { Frame = new Rectangle(0, 0, 10, 4) };
        var left = new View { Frame = new Rectangle(0, 0, 4, 4) };
        var right = new View { Frame = new Rectangle(4, 0, 6, 4) };
        root.Add(left, right);
        return (root, left, right);
    }

    [Fact]
    public void Sub_views_that_tile_the_screen_make_clearing_it_unnecessary()
    {
        var (root, _, _) = TwoColumns();
        root.SubViewsCoverViewport().ShouldBeTrue();
    }

    [Fact]
    public void A_gap_between_sub_views_is_cleared()
    {
        var (root, _, right) = TwoColumns();
        right.Frame = new Rectangle(5, 0, 5, 4); // column 4 is nobody's
        root.SubViewsCoverViewport().ShouldBeFalse();
    }

    [Fact]
    public void A_hidden_sub_view_covers_nothing_and_overlapping_ones_are_counted_once()
    {
        var (root, left, _) = TwoColumns();
        root.Add(new View { Frame = new Rectangle(2, 1, 5, 2) }); // overlaps both
        root.SubViewsCoverViewport().ShouldBeTrue();
        left.Visible = false;
        root.SubViewsCoverViewport().ShouldBeFalse();
    }
}

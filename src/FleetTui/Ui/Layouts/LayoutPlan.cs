using System.Drawing;

namespace FleetTui.Ui.Layouts;

/// <summary>
/// Where everything goes. <see cref="Panes"/> has one entry per pane in task order; a pane that is not shown
/// (zoom hides the others) has <see cref="Rectangle.Empty"/>.
/// </summary>
public sealed record LayoutPlan(Rectangle Sidebar, Rectangle MergePanel, Rectangle StatusBar, Rectangle PaneArea, IReadOnlyList<Rectangle> Panes)
{
    public bool IsPaneVisible(int index) => index >= 0 && index < Panes.Count && !Panes[index].IsEmpty;
}

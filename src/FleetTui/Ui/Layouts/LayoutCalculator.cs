using System.Drawing;

namespace FleetTui.Ui.Layouts;

/// <summary>
/// Pure arithmetic from a <see cref="LayoutRequest"/> to a <see cref="LayoutPlan"/>: the sidebar on the left, the merge
/// panel on the right, the status bar at the bottom, the panes in what is left. Rectangles never overlap and always
/// cover the pane area exactly, so a reflow is just a new plan.
/// </summary>
public static class LayoutCalculator
{
    /// <summary>The main pane's share of the width in <see cref="LayoutKind.MainStack"/>, in percent.</summary>
    public const int MainPanePercent = 60;

    public static LayoutPlan Compute(LayoutRequest request)
    {
        var width = Math.Max(0, request.ScreenWidth);
        var height = Math.Max(0, request.ScreenHeight);
        var statusHeight = Math.Min(height, Math.Max(0, request.StatusBarHeight));
        var bodyHeight = height - statusHeight;

        var sidebarWidth = request.SidebarVisible ? Math.Max(0, request.SidebarWidth) : 0;
        var mergeWidth = request.MergePanelVisible ? Math.Max(0, request.MergePanelWidth) : 0;
        // Panels give way to panes on a narrow screen: the merge panel first, then the sidebar.
        if (width - sidebarWidth - mergeWidth < LayoutRequest.MinimumPaneAreaWidth)
            mergeWidth = 0;
        if (width - sidebarWidth - mergeWidth < LayoutRequest.MinimumPaneAreaWidth)
            sidebarWidth = 0;

        var sidebar = sidebarWidth > 0 ? new Rectangle(0, 0, sidebarWidth, bodyHeight) : Rectangle.Empty;
        var merge = mergeWidth > 0 ? new Rectangle(width - mergeWidth, 0, mergeWidth, bodyHeight) : Rectangle.Empty;
        var status = statusHeight > 0 ? new Rectangle(0, bodyHeight, width, statusHeight) : Rectangle.Empty;
        var area = new Rectangle(sidebarWidth, 0, width - sidebarWidth - mergeWidth, bodyHeight);

        return new LayoutPlan(sidebar, merge, status, area, PlacePanes(request, area));
    }

    private static IReadOnlyList<Rectangle> PlacePanes(LayoutRequest request, Rectangle area)
    {
        var count = Math.Max(0, request.PaneCount);
        var panes = new Rectangle[count];
        if (count == 0 || area.Width <= 0 || area.Height <= 0)
            return panes;
        var focused = Math.Clamp(request.FocusedIndex, 0, count - 1);

        switch (request.Kind)
        {
            case LayoutKind.Zoom:
                panes[focused] = area;
                break;
            case LayoutKind.MainStack when count > 1:
                PlaceMainStack(panes, focused, area);
                break;
            default:
                PlaceTiled(panes, area);
                break;
        }
        return panes;
    }

    private static void PlaceMainStack(Rectangle[] panes, int focused, Rectangle area)
    {
        var mainWidth = Math.Max(1, area.Width * MainPanePercent / 100);
        panes[focused] = new Rectangle(area.X, area.Y, mainWidth, area.Height);
        var stack = new Rectangle(area.X + mainWidth, area.Y, area.Width - mainWidth, area.Height);
        var heights = Split(stack.Height, panes.Length - 1);
        var y = stack.Y;
        var slot = 0;
        for (var i = 0; i < panes.Length; i++)
        {
            if (i == focused)
                continue;
            panes[i] = new Rectangle(stack.X, y, stack.Width, heights[slot]);
            y += heights[slot++];
        }
    }

    /// <summary>
    /// An even grid: as many columns as the square root rounds up to, rows filled in order; the last row's panes
    /// share its full width so no cell is left empty.
    /// </summary>
    private static void PlaceTiled(Rectangle[] panes, Rectangle area)
    {
        var count = panes.Length;
        var columns = (int)Math.Ceiling(Math.Sqrt(count));
        var rows = (int)Math.Ceiling(count / (double)columns);
        var heights = Split(area.Height, rows);
        var index = 0;
        var y = area.Y;
        for (var row = 0; row < rows; row++)
        {
            var inRow = Math.Min(columns, count - index);
            var widths = Split(area.Width, inRow);
            var x = area.X;
            for (var column = 0; column < inRow; column++)
            {
                panes[index++] = new Rectangle(x, y, widths[column], heights[row]);
                x += widths[column];
            }
            y += heights[row];
        }
    }

    /// <summary><paramref name="total"/> cut into <paramref name="parts"/> sizes that differ by at most one, larger first.</summary>
    public static int[] Split(int total, int parts)
    {
        if (parts <= 0)
            return [];
        var sizes = new int[parts];
        var baseSize = total / parts;
        var extra = total % parts;
        for (var i = 0; i < parts; i++)
            sizes[i] = baseSize + (i < extra ? 1 : 0);
        return sizes;
    }
}

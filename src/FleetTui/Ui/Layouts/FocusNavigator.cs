using System.Drawing;

namespace FleetTui.Ui.Layouts;

/// <summary>Directional focus over a <see cref="LayoutPlan"/>: the nearest visible pane in a direction.</summary>
public static class FocusNavigator
{
    public static int Next(int focused, int count) => count == 0 ? 0 : (focused + 1) % count;

    public static int Previous(int focused, int count) => count == 0 ? 0 : (focused - 1 + count) % count;

    /// <summary>
    /// The visible pane whose edge faces the focused pane's edge in <paramref name="direction"/> and overlaps it most;
    /// the focused index itself when there is none (at the border, or zoomed).
    /// </summary>
    public static int Move(LayoutPlan plan, int focused, FocusDirection direction)
    {
        if (!plan.IsPaneVisible(focused))
            return focused;
        var from = plan.Panes[focused];
        var best = focused;
        var bestScore = int.MinValue;
        for (var i = 0; i < plan.Panes.Count; i++)
        {
            if (i == focused || !plan.IsPaneVisible(i))
                continue;
            var to = plan.Panes[i];
            var (adjacent, overlap, distance) = direction switch
            {
                FocusDirection.Left => (to.Right <= from.Left, Overlap(from.Top, from.Bottom, to.Top, to.Bottom), from.Left - to.Right),
                FocusDirection.Right => (to.Left >= from.Right, Overlap(from.Top, from.Bottom, to.Top, to.Bottom), to.Left - from.Right),
                FocusDirection.Up => (to.Bottom <= from.Top, Overlap(from.Left, from.Right, to.Left, to.Right), from.Top - to.Bottom),
                _ => (to.Top >= from.Bottom, Overlap(from.Left, from.Right, to.Left, to.Right), to.Top - from.Bottom),
            };
            if (!adjacent || overlap <= 0)
                continue;
            // Nearest first, then the one sharing the longest edge.
            var score = -distance * 10_000 + overlap;
            if (score > bestScore)
                (best, bestScore) = (i, score);
        }
        return best;
    }

    private static int Overlap(int start1, int end1, int start2, int end2) => Math.Min(end1, end2) - Math.Max(start1, start2);
}

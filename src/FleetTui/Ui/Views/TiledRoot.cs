using System.Drawing;
using Terminal.Gui.Views;
using Terminal.Gui.ViewBase;

namespace FleetTui.Ui.Views;

/// <summary>
/// The cockpit's top-level view. Its sub-views (panes, sidebar, panels, status bar) tile the screen and each paints every
/// cell it covers, so clearing the whole screen first is wasted work: Terminal.Gui fills a cleared cell through several
/// string allocations, and on the first frame that was about a third of the time to draw it. The clear is skipped when
/// the visible sub-views cover every cell, and left to Terminal.Gui when some cell would otherwise keep stale content.
/// </summary>
public sealed class TiledRoot : Runnable
{
    private bool[] _covered = [];

    protected override bool OnClearingViewport() => SubViewsCoverViewport();

    internal bool SubViewsCoverViewport()
    {
        var width = Viewport.Width;
        var height = Viewport.Height;
        if (width <= 0 || height <= 0)
            return true;
        if (_covered.Length < width * height)
            _covered = new bool[width * height];
        Array.Clear(_covered, 0, width * height);
        var count = 0;
        foreach (var view in SubViews)
        {
            if (!view.Visible)
                continue;
            var frame = Rectangle.Intersect(view.Frame, new Rectangle(0, 0, width, height));
            for (var row = frame.Top; row < frame.Bottom; row++)
            {
                for (var column = frame.Left; column < frame.Right; column++)
                {
                    ref var cell = ref _covered[row * width + column];
                    if (!cell)
                    {
                        cell = true;
                        count++;
                    }
                }
            }
        }

        return count == width * height;
    }
}

using System.Text;
using FleetTui.Terminal.Screen;

namespace FleetTui.Host.Panes;

/// <summary>
/// A pane's history and screen as one list of lines, for scroll mode's search and copy: line 0 is the oldest history
/// line, history + rows - 1 the screen's last row (on the alternate screen there is no history). The caller holds the
/// emulator's lock.
/// </summary>
public static class PaneHistory
{
    public static int HistoryOf(ScreenBuffer screen) => screen.IsAlternateScreen ? 0 : screen.Scrollback.Count;

    /// <summary>The nearest line containing <paramref name="text"/> (case-insensitive) before, or after, <paramref name="fromLine"/>; null when none.</summary>
    public static int? Find(ScreenBuffer screen, string text, int fromLine, bool newer)
    {
        var history = HistoryOf(screen);
        var count = history + screen.Rows;
        string Line(int i) => screen.GetRowText(i - history);
        var match = newer ? HistorySearch.FindNext(Line, count, text, fromLine) : HistorySearch.FindPrevious(Line, count, text, fromLine);
        return match < 0 ? null : match;
    }

    /// <summary>The text of lines <paramref name="first"/>..<paramref name="last"/> (clamped): a line that wrapped onto the next is joined with it.</summary>
    public static IReadOnlyList<string> Lines(ScreenBuffer screen, int first, int last)
    {
        var history = HistoryOf(screen);
        first = Math.Clamp(first, 0, history + screen.Rows - 1);
        last = Math.Clamp(last, first, history + screen.Rows - 1);
        var lines = new List<string>();
        var current = new StringBuilder();
        for (var i = first; i <= last; i++)
        {
            var line = screen.GetLine(i - history);
            var text = screen.GetRowText(i - history);
            current.Append(line.Wrapped && i < last ? text.PadRight(screen.Columns) : text.TrimEnd());
            if (!line.Wrapped || i == last)
            {
                lines.Add(current.ToString().TrimEnd());
                current.Clear();
            }
        }
        return lines;
    }
}

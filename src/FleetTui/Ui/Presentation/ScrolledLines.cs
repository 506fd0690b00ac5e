using FleetTui.Ui.Views;

namespace FleetTui.Ui.Presentation;

/// <summary>
/// Pure: a window of <paramref name="height"/> lines from a longer text, starting at <paramref name="top"/> (clamped), with
/// its last line replaced by a hint of what else there is and how to scroll when the text does not fit.
/// </summary>
public static class ScrolledLines
{
    public const string ScrollKeys = "j/k, PgDn/PgUp, g/G scroll · any other key closes";

    public static IReadOnlyList<StyledLine> Window(IReadOnlyList<StyledLine> lines, int top, int height)
    {
        if (height <= 0)
            return [];
        if (lines.Count <= height)
            return lines;
        var room = height - 1; // the hint takes the last line
        top = ClampTop(lines.Count, top, height);
        var shown = lines.Skip(top).Take(room).ToList();
        var above = top;
        var below = lines.Count - top - room;
        var where = (above > 0, below > 0) switch
        {
            (true, true) => $" ↑{above} ↓{below} more",
            (true, false) => $" ↑{above} more",
            _ => $" ↓{below} more",
        };
        shown.Add(StyledLine.Of($"{where} · {ScrollKeys}", TextRole.Muted));
        return shown;
    }

    /// <summary>
    /// Where a scrolling overlay's first line goes for a key (its chord text): j/k or arrows a line, PgDn/PgUp or Space a
    /// page, g/G or Home/End the ends (past the end: the caller clamps). Null: not a scrolling key (it closes the overlay).
    /// </summary>
    public static int? ScrollTarget(string? chord, int top, int page) => chord switch
    {
        "down" or "j" => top + 1,
        "up" or "k" => top - 1,
        "pagedown" or "space" => top + page,
        "pageup" => top - page,
        "home" or "g" => 0,
        "end" or "G" => int.MaxValue / 2,
        _ => null,
    };

    /// <summary>The first line to show so that the window stays full: between 0 and the last full window.</summary>
    public static int ClampTop(int count, int top, int height) => Math.Clamp(top, 0, Math.Max(0, count - Math.Max(1, height - 1)));
}

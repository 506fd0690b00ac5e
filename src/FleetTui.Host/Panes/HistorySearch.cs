namespace FleetTui.Host.Panes;

/// <summary>Pure: where the next match of a search lies, scanning towards older lines.</summary>
public static class HistorySearch
{
    /// <summary>
    /// Lines are numbered from the oldest history line (0) to the last screen row (<paramref name="lineCount"/> - 1).
    /// Returns the index of the newest line older than <paramref name="before"/> containing <paramref name="query"/>
    /// (case-insensitive), or -1.
    /// </summary>
    public static int FindPrevious(Func<int, string> lineText, int lineCount, string query, int before)
    {
        if (query.Length == 0)
            return -1;
        for (var i = Math.Min(before, lineCount) - 1; i >= 0; i--)
        {
            if (lineText(i).Contains(query, StringComparison.OrdinalIgnoreCase))
                return i;
        }
        return -1;
    }

    /// <summary>The index of the oldest line newer than <paramref name="after"/> containing <paramref name="query"/> (case-insensitive), or -1.</summary>
    public static int FindNext(Func<int, string> lineText, int lineCount, string query, int after)
    {
        if (query.Length == 0)
            return -1;
        for (var i = Math.Max(0, after + 1); i < lineCount; i++)
        {
            if (lineText(i).Contains(query, StringComparison.OrdinalIgnoreCase))
                return i;
        }
        return -1;
    }
}

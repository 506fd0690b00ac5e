namespace FleetTui.Terminal.Screen;

public sealed partial class ScreenBuffer
{
    /// <summary>
    /// Resizes both screens the way tmux does. A new width re-flows the main screen and its history
    /// (<see cref="ReflowMain"/>); the alternate screen (whose program redraws anyway) is cut or extended. On a height
    /// change alone, a shorter screen first drops blank rows below the cursor, then pushes top rows into history, and a
    /// taller one pulls history back down. The scroll region resets to the full screen and the cursor stays on its text.
    /// </summary>
    public void Resize(int columns, int rows)
    {
        columns = Math.Max(1, columns);
        rows = Math.Max(1, rows);
        if (columns == Columns && rows == Rows)
            return;
        var onMain = _active == _main;
        var mainCursorRow = onMain ? Cursor.Row : (_main.Saved?.Row ?? 0);
        var mainCursorColumn = onMain ? Cursor.Column : (_main.Saved?.Column ?? 0);
        int newMainRow;
        var newMainColumn = Math.Min(mainCursorColumn, columns - 1);
        if (columns != Columns)
            (newMainRow, newMainColumn) = ReflowMain(columns, rows, mainCursorRow, mainCursorColumn);
        else
            newMainRow = ResizeGrid(_main, columns, rows, mainCursorRow, Scrollback);
        var altCursorRow = _active == _alternate ? Cursor.Row : 0;
        var newAltRow = ResizeGrid(_alternate, columns, rows, altCursorRow, null);

        if (onMain)
        {
            Cursor.Row = newMainRow;
            Cursor.Column = newMainColumn;
        }
        else
        {
            Cursor.Row = newAltRow;
            Cursor.Column = Math.Min(Cursor.Column, columns - 1);
            if (_main.Saved is { } saved)
                _main.Saved = saved with { Row = Math.Clamp(newMainRow, 0, rows - 1), Column = newMainColumn };
        }

        Cursor.PendingWrap = false;

        var stops = DefaultTabStops(columns);
        Array.Copy(_tabStops, stops, Math.Min(_tabStops.Length, columns));
        _tabStops = stops;
        ScrollTop = 0;
        ScrollBottom = rows - 1;
        ResetLeftRightMargins();
        Dirty.Resize(rows);
    }

    private static int ResizeGrid(Grid grid, int columns, int rows, int cursorRow, Scrollback? history)
    {
        var lines = grid.TakeRows();
        foreach (var line in lines)
            line.Resize(columns);

        // Shrink: drop blank rows below the cursor, then push rows from the top into history.
        var count = lines.Count;
        while (count > rows && count - 1 > cursorRow && lines[count - 1].ContentLength == 0)
            count--;
        var pushed = Math.Max(0, count - rows);
        for (var i = 0; i < pushed; i++)
            history?.Push(lines[i]);
        cursorRow -= pushed;

        // Grow: pull history back down while there is some, then add blank rows at the bottom.
        var kept = count - pushed;
        var pulled = history is null ? 0 : Math.Min(history.Count, Math.Max(0, rows - kept));
        var result = new List<Line>(rows);
        for (var i = 0; i < pulled; i++)
            result.Add(null!);
        for (var i = pulled - 1; i >= 0; i--)
        {
            var line = history!.PopNewest()!;
            line.Resize(columns);
            result[i] = line;
        }

        cursorRow += pulled;
        result.AddRange(lines.GetRange(pushed, kept));
        while (result.Count < rows)
            result.Add(new Line(columns));

        grid.SetRows(result, columns, rows);
        return Math.Clamp(cursorRow, 0, rows - 1);
    }
}

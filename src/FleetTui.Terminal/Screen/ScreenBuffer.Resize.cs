namespace FleetTui.Terminal.Screen;

public sealed partial class ScreenBuffer
{
    /// <summary>
    /// Resizes both screens the way tmux does without re-flow: lines are cut or extended; on the main screen a shorter
    /// screen first drops blank rows below the cursor, then pushes top rows into history, and a taller one pulls history
    /// back down. The scroll region resets to the full screen and the cursor stays on its text.
    /// </summary>
    public void Resize(int columns, int rows)
    {
        columns = Math.Max(1, columns);
        rows = Math.Max(1, rows);
        if (columns == Columns && rows == Rows)
            return;
        var mainCursorRow = _active == _main ? Cursor.Row : (_main.Saved?.Row ?? 0);
        var newMainRow = ResizeGrid(_main, columns, rows, mainCursorRow, Scrollback);
        var altCursorRow = _active == _alternate ? Cursor.Row : 0;
        var newAltRow = ResizeGrid(_alternate, columns, rows, altCursorRow, null);

        if (_active == _main)
            Cursor.Row = newMainRow;
        else
            Cursor.Row = newAltRow;
        if (_main.Saved is { } saved && _active != _main)
            _main.Saved = saved with { Row = Math.Clamp(newMainRow, 0, rows - 1), Column = Math.Min(saved.Column, columns - 1) };
        Cursor.Column = Math.Min(Cursor.Column, columns - 1);
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
        while (lines.Count > rows && lines.Count - 1 > cursorRow && lines[^1].ContentLength == 0)
            lines.RemoveAt(lines.Count - 1);
        while (lines.Count > rows)
        {
            history?.Push(lines[0]);
            lines.RemoveAt(0);
            cursorRow--;
        }

        // Grow: pull history back down while there is some, then add blank rows at the bottom.
        while (lines.Count < rows && history is { Count: > 0 })
        {
            var line = history.PopNewest()!;
            line.Resize(columns);
            lines.Insert(0, line);
            cursorRow++;
        }

        while (lines.Count < rows)
            lines.Add(new Line(columns));

        grid.SetRows(lines, columns, rows);
        return Math.Clamp(cursorRow, 0, rows - 1);
    }
}

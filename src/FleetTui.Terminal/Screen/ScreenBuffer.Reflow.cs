namespace FleetTui.Terminal.Screen;

public sealed partial class ScreenBuffer
{
    /// <summary>
    /// Re-flows the main screen and its history to a new width, as tmux does: lines joined by auto-wrap are re-joined
    /// and split again at the new width (a wide character never straddles two rows), so a shell's long lines survive a
    /// narrow-then-wide round trip. Blank rows below the cursor are dropped first; the bottom rows become the screen and
    /// the rest history. Returns the cursor's new position.
    /// </summary>
    private (int Row, int Column) ReflowMain(int columns, int rows, int cursorRow, int cursorColumn)
    {
        var history = Scrollback;
        var old = new List<Line>(history.Count + _main.Rows);
        for (var i = 0; i < history.Count; i++)
            old.Add(history[i]);
        var cursorIndex = history.Count + Math.Clamp(cursorRow, 0, _main.Rows - 1);
        for (var r = 0; r < _main.Rows; r++)
            old.Add(_main[r]);

        var last = old.Count - 1;
        while (last > cursorIndex && old[last].ContentLength == 0 && !old[last - 1].Wrapped)
            last--;

        var result = new List<Line>(old.Count);
        var logical = new List<Cell>(columns * 2);
        var newCursorIndex = 0;
        var newCursorColumn = 0;
        var index = 0;
        while (index <= last)
        {
            logical.Clear();
            var cursorOffset = -1;
            while (true)
            {
                var line = old[index];
                var wrapped = line.Wrapped && index < last;
                if (index == cursorIndex)
                    cursorOffset = logical.Count + cursorColumn;
                var length = wrapped ? line.Columns : line.ContentLength;
                for (var c = 0; c < length; c++)
                    logical.Add(line[c]);
                index++;
                if (!wrapped)
                    break;
            }

            var (cursorLine, cursorCol) = Split(logical, columns, result, cursorOffset);
            if (cursorOffset >= 0)
            {
                newCursorIndex = cursorLine;
                newCursorColumn = cursorCol;
            }
        }

        // The bottom rows become the screen, keeping the cursor's row on it.
        var start = Math.Max(0, result.Count - rows);
        if (newCursorIndex < start)
            start = newCursorIndex;
        history.Clear();
        for (var i = 0; i < start; i++)
            history.Push(result[i]);
        var visible = result.GetRange(start, Math.Min(rows, result.Count - start));
        while (visible.Count < rows)
            visible.Add(new Line(columns));
        _main.SetRows(visible, columns, rows);
        return (newCursorIndex - start, Math.Min(newCursorColumn, columns - 1));
    }

    /// <summary>Lays one logical line out in rows of <paramref name="columns"/>; returns where the cursor offset lands.</summary>
    private static (int Line, int Column) Split(List<Cell> cells, int columns, List<Line> into, int cursorOffset)
    {
        var line = new Line(columns);
        into.Add(line);
        var column = 0;
        var cursor = (Line: into.Count - 1, Column: 0);
        for (var k = 0; k < cells.Count; k++)
        {
            var cell = cells[k];
            var width = cell.IsWide ? 2 : 1;
            if (column + width > columns)
            {
                line.Wrapped = true;
                line = new Line(columns);
                into.Add(line);
                column = 0;
            }

            if (k == cursorOffset)
                cursor = (into.Count - 1, column);
            if (cell.IsSpacer && (column == 0 || !line[column - 1].IsWide))
                cell = Cell.Blank(cell.Style);
            if (cell.IsWide && columns < 2)
                cell = Cell.Blank(cell.Style);
            line.At(column) = cell;
            column++;
        }

        if (cursorOffset >= cells.Count)
        {
            // The cursor sat past the text (after a prompt, on blanks): keep its distance from the text's end.
            cursor = (into.Count - 1, Math.Min(column + (cursorOffset - cells.Count), columns - 1));
        }

        return cursor;
    }
}

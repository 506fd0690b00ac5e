namespace FleetTui.Terminal.Screen;

public sealed partial class ScreenBuffer
{
    /// <summary>
    /// Re-flows the main screen and its history to a new width, as tmux does: lines joined by auto-wrap are re-joined
    /// and split again at the new width (a wide character never straddles two rows), so a shell's long lines survive a
    /// narrow-then-wide round trip. Blank rows below the cursor are dropped first; the bottom rows become the screen and
    /// the rest history. Returns the cursor's new position.
    /// </summary>
    /// <summary>How many lines a re-flow keeps for the next one (a window being dragged narrower and wider again).</summary>
    private const int SpareLineLimit = 1024;

    /// <summary>Line objects freed by the last re-flow, reused by the next so a resize storm allocates (almost) nothing.</summary>
    private readonly Stack<Line> _spareLines = new();

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
        var logical = new List<CellRun>(256);
        var spare = _spareLines;
        var newCursorIndex = 0;
        var newCursorColumn = 0;
        var index = 0;
        while (index <= last)
        {
            if (TryKeepLine(old[index], index == last, columns, result))
            {
                if (index == cursorIndex)
                {
                    newCursorIndex = result.Count - 1;
                    newCursorColumn = Math.Min(cursorColumn, columns - 1);
                }

                index++;
                continue;
            }

            logical.Clear();
            var cursorOffset = -1;
            var offset = 0;
            while (true)
            {
                var line = old[index];
                var wrapped = line.Wrapped && index < last;
                if (index == cursorIndex)
                    cursorOffset = offset + cursorColumn;
                offset += Gather(line, wrapped, logical);
                spare.Push(line); // its cells are copied out: Split reuses the object and its array
                index++;
                if (!wrapped)
                    break;
            }

            var (cursorLine, cursorCol) = Split(logical, columns, result, cursorOffset, spare);
            if (cursorOffset >= 0)
            {
                newCursorIndex = cursorLine;
                newCursorColumn = cursorCol;
            }
        }

        // Lines left over (a wider screen joins rows) wait for the next narrower one, up to a bound.
        while (spare.Count > SpareLineLimit)
            spare.Pop();

        // The bottom rows become the screen, keeping the cursor's row on it.
        var start = Math.Max(0, result.Count - rows);
        if (newCursorIndex < start)
            start = newCursorIndex;
        history.Clear();
        for (var i = 0; i < start; i++)
            history.Push(result[i]);
        var visible = result.GetRange(start, Math.Min(rows, result.Count - start));
        while (visible.Count < rows)
            visible.Add(NewLine(columns, spare));
        _main.SetRows(visible, columns, rows);
        return (newCursorIndex - start, Math.Min(newCursorColumn, columns - 1));
    }

    /// <summary>
    /// The common case, in place: a line that is not continued and whose text fits the new width stays the same object
    /// (what <see cref="Split"/> would make of it, without copying its cells), so a resize costs the lines that re-wrap.
    /// </summary>
    private static bool TryKeepLine(Line line, bool isLast, int columns, List<Line> into)
    {
        if ((line.Wrapped && !isLast) || columns < 2)
            return false;
        var length = line.ContentLength;
        if (length > columns || (length == columns && line[length - 1].IsWide))
            return false;
        var stored = Math.Min(length, line.StoredCells.Length);
        for (var k = 0; k < stored; k++)
        {
            // An orphan spacer (no wide character before it) becomes a blank, as Split does.
            var cell = line[k];
            if (cell.IsSpacer && (k == 0 || !line[k - 1].IsWide))
                line.At(k) = Cell.Blank(cell.Style);
        }

        // After the text (or after a coloured blank tail, already followed by default blanks) the line is default blanks.
        if (length == stored)
            line.Fill(length, line.Columns, default);
        line.Resize(columns);
        line.Wrapped = false;
        into.Add(line);
        return true;
    }

    /// <summary>
    /// Appends a row's cells to a logical line as runs: each stored cell alone, the blanks after them as at most two runs
    /// (the erase's style, then default), so a re-flow costs what was written, not the width. A row continued by
    /// auto-wrap counts its whole width; the last row of a logical line ends at its content. Returns the cells appended.
    /// </summary>
    private static int Gather(Line line, bool wrapped, List<CellRun> logical)
    {
        var length = wrapped ? line.Columns : line.ContentLength;
        var stored = Math.Min(length, line.StoredCells.Length);
        for (var c = 0; c < stored; c++)
            Append(logical, line[c], 1);
        var fillEnd = Math.Min(length, line.FillEnd);
        if (fillEnd > stored)
            Append(logical, Cell.Blank(line.FillStyle), fillEnd - stored);
        if (length > Math.Max(stored, fillEnd))
            Append(logical, default, length - Math.Max(stored, fillEnd));
        return length;
    }

    /// <summary>An empty line of the new width: a re-flowed line's object when one is free (no allocation), or a new one.</summary>
    private static Line NewLine(int columns, Stack<Line> spare)
    {
        if (!spare.TryPop(out var line))
            return new Line(columns);
        line.Clear(default);
        line.Resize(columns);
        return line;
    }

    /// <summary>Adds a cell (or a run of blanks), joining blanks to a run of the same blank before them.</summary>
    private static void Append(List<CellRun> logical, in Cell cell, int count)
    {
        if (cell.IsEmpty && logical.Count > 0)
        {
            var previous = logical[^1];
            if (previous.Cell.IsEmpty && previous.Cell.Content == cell.Content && previous.Cell.Style == cell.Style)
            {
                logical[^1] = previous with { Count = previous.Count + count };
                return;
            }
        }

        logical.Add(new CellRun(cell, count));
    }

    /// <summary>Lays one logical line out in rows of <paramref name="columns"/>; returns where the cursor offset lands.</summary>
    private static (int Line, int Column) Split(List<CellRun> runs, int columns, List<Line> into, int cursorOffset, Stack<Line> spare)
    {
        var line = NewLine(columns, spare);
        into.Add(line);
        var column = 0;
        var cursor = (Line: into.Count - 1, Column: 0);
        var laid = 0;
        foreach (var (first, count) in runs)
        {
            if (count > 1)
            {
                // A run of blanks (one column each): whole rows of it stay blank tails, never stored cell by cell.
                var left = count;
                while (left > 0)
                {
                    if (column == columns)
                    {
                        line.Wrapped = true;
                        line = NewLine(columns, spare);
                        into.Add(line);
                        column = 0;
                    }

                    var run = Math.Min(columns - column, left);
                    if (cursorOffset >= laid && cursorOffset < laid + run)
                        cursor = (into.Count - 1, column + (cursorOffset - laid));
                    line.Fill(column, column + run, first.Style);
                    column += run;
                    laid += run;
                    left -= run;
                }

                continue;
            }

            var cell = first;
            var width = cell.IsWide ? 2 : 1;
            if (column + width > columns)
            {
                line.Wrapped = true;
                line = NewLine(columns, spare);
                into.Add(line);
                column = 0;
            }

            if (laid == cursorOffset)
                cursor = (into.Count - 1, column);
            if (cell.IsSpacer && (column == 0 || !line[column - 1].IsWide))
                cell = Cell.Blank(cell.Style);
            if (cell.IsWide && columns < 2)
                cell = Cell.Blank(cell.Style);
            line.At(column) = cell;
            column++;
            laid++;
        }

        if (cursorOffset >= laid)
        {
            // The cursor sat past the text (after a prompt, on blanks): keep its distance from the text's end.
            cursor = (into.Count - 1, Math.Min(column + (cursorOffset - laid), columns - 1));
        }

        return cursor;
    }

    /// <summary>A cell of a logical line being re-flowed, or a run of <see cref="Count"/> identical blanks.</summary>
    private readonly record struct CellRun(Cell Cell, int Count);
}

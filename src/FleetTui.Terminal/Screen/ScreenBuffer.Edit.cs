using System.Runtime.CompilerServices;
namespace FleetTui.Terminal.Screen;

public sealed partial class ScreenBuffer
{
    /// <summary>Scrolls the scroll region up (SU, or a line feed at the bottom margin). Lines leave into history only
    /// on the main screen and only when the region starts at the top row (Codex CLI pushes its history this way).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot path: skip tier-0 so a short `fleet replay` runs optimized code
    internal void ScrollRegionUp(int count)
    {
        _active.ScrollUp(ScrollTop, ScrollBottom, count, HistoryForScroll, EraseStyle);
        Dirty.MarkRange(ScrollTop, ScrollBottom);
    }

    internal void ScrollRegionDown(int count)
    {
        _active.ScrollDown(ScrollTop, ScrollBottom, count, EraseStyle);
        Dirty.MarkRange(ScrollTop, ScrollBottom);
    }

    /// <summary>ED: 0 below (from the cursor), 1 above (to the cursor), 2 all, 3 the scrollback.</summary>
    internal void EraseInDisplay(int mode)
    {
        var erase = EraseStyle;
        var row = Cursor.Row;
        switch (mode)
        {
            case 0:
                EraseInLine(0);
                for (var r = row + 1; r < Rows; r++)
                    _active[r].Clear(erase);
                Dirty.MarkRange(row, Rows - 1);
                break;
            case 1:
                EraseInLine(1);
                for (var r = 0; r < row; r++)
                    _active[r].Clear(erase);
                Dirty.MarkRange(0, row);
                break;
            case 2:
                _active.Clear(erase);
                Dirty.MarkAll();
                break;
            case 3:
                Scrollback.Clear();
                break;
        }

        Cursor.PendingWrap = false;
    }

    /// <summary>EL: 0 to the right of the cursor (inclusive), 1 to the left (inclusive), 2 the whole line.</summary>
    internal void EraseInLine(int mode)
    {
        var line = CurrentLine;
        var column = Cursor.Column;
        switch (mode)
        {
            case 0:
                EraseCells(line, column, line.Columns);
                line.Wrapped = false;
                break;
            case 1:
                EraseCells(line, 0, column + 1);
                break;
            case 2:
                EraseCells(line, 0, line.Columns);
                line.Wrapped = false;
                break;
        }

        Cursor.PendingWrap = false;
        Dirty.Mark(Cursor.Row);
    }

    /// <summary>ECH: blanks <paramref name="count"/> cells from the cursor without moving anything.</summary>
    internal void EraseCharacters(int count)
    {
        var line = CurrentLine;
        EraseCells(line, Cursor.Column, Math.Min(line.Columns, Cursor.Column + count));
        Cursor.PendingWrap = false;
        Dirty.Mark(Cursor.Row);
    }

    /// <summary>ICH: inserts blanks at the cursor, shifting the rest of the line (to the right margin) right.</summary>
    internal void InsertCharacters(int count)
    {
        var line = CurrentLine;
        var right = RightEdge;
        if (Cursor.Column > right)
            return;
        count = Math.Min(count, right - Cursor.Column + 1);
        ClearWideAt(line, Cursor.Column);
        ShiftRight(line, Cursor.Column, count, right);
        Cursor.PendingWrap = false;
        Dirty.Mark(Cursor.Row);
    }

    /// <summary>DCH: deletes cells at the cursor, pulling the rest of the line left and blanking the end.</summary>
    internal void DeleteCharacters(int count)
    {
        var line = CurrentLine;
        var right = RightEdge;
        var column = Cursor.Column;
        if (column > right)
            return;
        count = Math.Min(count, right - column + 1);
        ClearWideAt(line, column);
        if (column + count <= right)
            ClearWideAt(line, column + count);
        var cells = line.Writable(0, right + 1);
        cells[(column + count)..(right + 1)].CopyTo(cells[column..]);
        cells[(right + 1 - count)..(right + 1)].Fill(Cell.Blank(EraseStyle));
        Cursor.PendingWrap = false;
        Dirty.Mark(Cursor.Row);
    }

    /// <summary>IL: inserts blank lines at the cursor row inside the scroll region; no-op outside it.</summary>
    internal void InsertLines(int count)
    {
        if (Cursor.Row < ScrollTop || Cursor.Row > ScrollBottom)
            return;
        _active.ScrollDown(Cursor.Row, ScrollBottom, count, EraseStyle);
        Dirty.MarkRange(Cursor.Row, ScrollBottom);
        CarriageReturn();
    }

    /// <summary>DL: deletes lines at the cursor row inside the scroll region, pulling the rest up (never into history).</summary>
    internal void DeleteLines(int count)
    {
        if (Cursor.Row < ScrollTop || Cursor.Row > ScrollBottom)
            return;
        _active.ScrollUp(Cursor.Row, ScrollBottom, count, null, EraseStyle);
        Dirty.MarkRange(Cursor.Row, ScrollBottom);
        CarriageReturn();
    }

    /// <summary>DECALN: fills the screen with 'E', resets the margins and homes the cursor.</summary>
    internal void AlignmentTest()
    {
        ScrollTop = 0;
        ScrollBottom = Rows - 1;
        for (var r = 0; r < Rows; r++)
        {
            var line = _active[r];
            line.WritableCells.Fill(Cell.Narrow('E', default));
            line.Wrapped = false;
        }

        SetPosition(0, 0);
        Dirty.MarkAll();
    }

    private void EraseCells(Line line, int from, int to)
    {
        if (from >= to)
            return;
        if (from < line.Columns)
            ClearWideAt(line, from);
        if (to - 1 < line.Columns && to - 1 >= 0)
            ClearWideAt(line, to - 1);
        line.Fill(from, to, EraseStyle);
    }
}

using System.Runtime.CompilerServices;
namespace FleetTui.Terminal.Screen;

public sealed partial class ScreenBuffer
{
    /// <summary>CUP/HVP: moves to a 0-based position, relative to the scroll region in origin mode; clamped.</summary>
    internal void MoveTo(int row, int column)
    {
        if (Modes.Origin)
        {
            row += ScrollTop;
            column += Modes.LeftRightMarginMode ? LeftMargin : 0;
            row = Math.Clamp(row, ScrollTop, ScrollBottom);
        }

        SetPosition(row, column);
    }

    /// <summary>VPA: row only (0-based, origin-relative).</summary>
    internal void MoveToRow(int row) => MoveTo(row, Cursor.Column - (Modes.Origin && Modes.LeftRightMarginMode ? LeftMargin : 0));

    /// <summary>CHA/HPA: column only (0-based).</summary>
    internal void MoveToColumn(int column) => SetPosition(Cursor.Row, column + (Modes.Origin && Modes.LeftRightMarginMode ? LeftMargin : 0));

    /// <summary>CUU: up, stopping at the top margin when starting inside the region.</summary>
    internal void MoveUp(int count)
    {
        var limit = Cursor.Row >= ScrollTop ? ScrollTop : 0;
        SetPosition(Math.Max(limit, Cursor.Row - count), Cursor.Column);
    }

    /// <summary>CUD: down, stopping at the bottom margin when starting inside the region.</summary>
    internal void MoveDown(int count)
    {
        var limit = Cursor.Row <= ScrollBottom ? ScrollBottom : Rows - 1;
        SetPosition(Math.Min(limit, Cursor.Row + count), Cursor.Column);
    }

    internal void MoveRight(int count) => SetPosition(Cursor.Row, Math.Min(Columns - 1, Cursor.Column + count));

    internal void MoveLeft(int count) => SetPosition(Cursor.Row, Math.Max(0, Cursor.Column - count));

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot path: skip tier-0 so a short `fleet replay` runs optimized code
    internal void CarriageReturn()
    {
        Cursor.Column = Modes.LeftRightMarginMode && Cursor.Column >= LeftMargin ? LeftMargin : 0;
        Cursor.PendingWrap = false;
    }

    /// <summary>BS: one column left; does not un-wrap to the previous line (like xterm without reverse-wrap).</summary>
    internal void Backspace()
    {
        if (Cursor.PendingWrap)
        {
            Cursor.PendingWrap = false;
            return;
        }

        if (Cursor.Column > 0)
            Cursor.Column--;
    }

    /// <summary>LF, VT, FF: index, plus carriage return in LNM.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot path: skip tier-0 so a short `fleet replay` runs optimized code
    internal void LineFeed()
    {
        LineFeedCore();
        if (Modes.LineFeedNewLine)
            CarriageReturn();
    }

    /// <summary>IND: down one row, scrolling the region up at its bottom margin.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot path: skip tier-0 so a short `fleet replay` runs optimized code
    internal void LineFeedCore()
    {
        Cursor.PendingWrap = false;
        if (Cursor.Row == ScrollBottom)
            ScrollRegionUp(1);
        else if (Cursor.Row < Rows - 1)
            Cursor.Row++;
    }

    /// <summary>NEL: carriage return and line feed.</summary>
    internal void NextLine()
    {
        LineFeedCore();
        CarriageReturn();
    }

    /// <summary>RI: up one row, scrolling the region down at its top margin.</summary>
    internal void ReverseIndex()
    {
        Cursor.PendingWrap = false;
        if (Cursor.Row == ScrollTop)
            ScrollRegionDown(1);
        else if (Cursor.Row > 0)
            Cursor.Row--;
    }

    /// <summary>HT / CHT: to the next tab stop (or the last column), <paramref name="count"/> times.</summary>
    internal void TabForward(int count)
    {
        var column = Cursor.Column;
        var last = Columns - 1;
        for (var i = 0; i < count && column < last; i++)
        {
            column++;
            while (column < last && !_tabStops[column])
                column++;
        }

        Cursor.Column = column;
        Cursor.PendingWrap = false;
    }

    /// <summary>CBT: to the previous tab stop (or column 0).</summary>
    internal void TabBackward(int count)
    {
        var column = Cursor.Column;
        for (var i = 0; i < count && column > 0; i++)
        {
            column--;
            while (column > 0 && !_tabStops[column])
                column--;
        }

        Cursor.Column = column;
        Cursor.PendingWrap = false;
    }

    /// <summary>HTS: a tab stop at the cursor column.</summary>
    internal void SetTabStop() => _tabStops[Cursor.Column] = true;

    /// <summary>TBC: 0 clears the stop at the cursor, 3 clears all.</summary>
    internal void ClearTabStops(int mode)
    {
        if (mode == 0)
            _tabStops[Cursor.Column] = false;
        else if (mode == 3)
            Array.Clear(_tabStops);
    }

    /// <summary>DECSC.</summary>
    internal void SaveCursor() => _active.Saved = Cursor.Save(Modes.Origin, Modes.AutoWrap);

    /// <summary>DECRC: restores what DECSC saved, or the home position with default attributes.</summary>
    internal void RestoreCursor()
    {
        var saved = _active.Saved ?? new SavedCursor(0, 0, false, default, default, false, true);
        Cursor.Pen = saved.Pen;
        Cursor.Charsets = saved.Charsets;
        Modes.Origin = saved.OriginMode;
        Modes.AutoWrap = saved.AutoWrap;
        SetPosition(saved.Row, saved.Column);
        Cursor.PendingWrap = saved.PendingWrap && Cursor.Column == Columns - 1;
    }

    private void SetPosition(int row, int column)
    {
        Cursor.Row = Math.Clamp(row, 0, Rows - 1);
        Cursor.Column = Math.Clamp(column, 0, Columns - 1);
        Cursor.PendingWrap = false;
    }
}

using System.Runtime.CompilerServices;
namespace FleetTui.Terminal.Screen;

public sealed partial class ScreenBuffer
{
    /// <summary>
    /// Writes printable code points at the cursor with the pen: auto-wrap with the pending-wrap flag, wide characters
    /// (a wide character that does not fit in the last column wraps first), combining marks joined to the previous cell,
    /// insert mode. Character-set translation has already happened.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot path: skip tier-0 so a short `fleet replay` runs optimized code
    internal void Print(ReadOnlySpan<int> codePoints)
    {
        var cursor = Cursor;
        var pen = cursor.Pen;
        var autoWrap = Modes.AutoWrap;
        var insert = Modes.Insert;
        var right = RightEdge;
        var line = CurrentLine;
        Dirty.Mark(cursor.Row);

        for (var i = 0; i < codePoints.Length; i++)
        {
            var codePoint = codePoints[i];
            if (codePoint < 0x7F && !insert && !cursor.PendingWrap)
            {
                var written = PrintAsciiRun(line, codePoints[i..], cursor.Column, right, pen);
                if (written > 0)
                {
                    i += written - 1;
                    continue;
                }
            }

            var width = codePoint < 0x7F ? 1 : CharacterWidth.Of(codePoint);
            if (width == 0)
            {
                Combine(codePoint);
                continue;
            }

            if (cursor.PendingWrap)
                TakePendingWrap(autoWrap, ref line, ref right);

            var column = cursor.Column;
            if (width == 2 && column >= right)
            {
                if (!autoWrap || right == 0)
                    continue; // nowhere to put it
                // The wide character does not fit: blank the last cell and wrap first.
                ClearWideAt(line, column);
                line.At(column) = Cell.Blank(pen.ForErase());
                line.Wrapped = true;
                WrapToNextLine();
                line = CurrentLine;
                right = RightEdge;
                column = cursor.Column;
            }

            if (insert)
                ShiftRight(line, column, width, right);

            // No ref into the line is held across ClearWideAt: storing more cells may move them to a larger array.
            if (line[column].Width != 1)
                ClearWideAt(line, column);
            if (width == 1)
            {
                line.At(column) = Cell.Narrow(codePoint, pen);
            }
            else
            {
                if (line[column + 1].Width != 1)
                    ClearWideAt(line, column + 1);
                line.At(column) = Cell.Wide(codePoint, pen);
                line.At(column + 1) = Cell.Spacer(pen);
            }

            LastPrinted = codePoint;
            column += width;
            if (column > right)
            {
                cursor.Column = right;
                cursor.PendingWrap = autoWrap;
            }
            else
            {
                cursor.Column = column;
            }
        }
    }

    /// <summary>
    /// The wrap a character written past the last column left pending, taken before the next one: with auto-wrap the row
    /// is marked wrapped and the cursor moves to the next one (its line and right edge read again: from outside the
    /// margins, the next row starts inside them); without, only the flag clears.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void TakePendingWrap(bool autoWrap, ref Line line, ref int right)
    {
        if (autoWrap)
        {
            line.Wrapped = true;
            WrapToNextLine();
            line = CurrentLine;
            right = RightEdge;
        }

        Cursor.PendingWrap = false;
    }

    /// <summary>
    /// Writes printable ASCII (0x20-0x7E, no character-set translation needed) at the cursor with the pen: what
    /// <see cref="Print"/> does for these characters, a row's worth at a time. Every character is one column wide and none
    /// combines, so each stretch up to the right edge is one copy; between stretches, auto-wrap with the pending-wrap flag
    /// as for any character. Insert mode takes the general path.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot path: skip tier-0 so a short `fleet replay` runs optimized code
    internal void PrintAscii(ReadOnlySpan<byte> text)
    {
        if (text.IsEmpty)
            return;
        if (Modes.Insert)
        {
            PrintAsciiInserting(text);
            return;
        }

        var cursor = Cursor;
        var pen = cursor.Pen;
        var autoWrap = Modes.AutoWrap;
        var right = RightEdge;
        var line = CurrentLine;
        Dirty.Mark(cursor.Row);
        LastPrinted = text[^1];
        while (true)
        {
            if (cursor.PendingWrap)
                TakePendingWrap(autoWrap, ref line, ref right);

            var column = cursor.Column;
            var run = Math.Min(text.Length, right - column + 1);
            // Only the run's two ends can cut a wide character in half; cells inside it are overwritten whole. Cells past
            // the stored ones are blanks (a fresh line, a cleared one): nothing to cut.
            if (column < line.StoredCount)
            {
                if (line[column].IsSpacer)
                    ClearWideAt(line, column);
                if (line[column + run - 1].IsWide)
                    ClearWideAt(line, column + run - 1);
            }

            Cell.FillNarrow(line.Overwrite(column, column + run), text, pen);
            column += run;
            if (column > right)
            {
                cursor.Column = right;
                cursor.PendingWrap = autoWrap;
            }
            else
            {
                cursor.Column = column;
            }

            if (run == text.Length)
                return;
            text = text[run..];
        }
    }

    private void PrintAsciiInserting(ReadOnlySpan<byte> text)
    {
        Span<int> codePoints = stackalloc int[Math.Min(text.Length, 256)];
        while (!text.IsEmpty)
        {
            var n = Math.Min(text.Length, codePoints.Length);
            for (var i = 0; i < n; i++)
                codePoints[i] = text[i];
            Print(codePoints[..n]);
            text = text[n..];
        }
    }

    /// <summary>
    /// The hot path: a run of ASCII written straight into the line up to the right edge. Only the run's two ends can cut
    /// a wide character in half; cells inside the run are overwritten whole. Returns how many code points it wrote.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot path: skip tier-0 so a short `fleet replay` runs optimized code
    private int PrintAsciiRun(Line line, ReadOnlySpan<int> codePoints, int column, int right, in CellStyle pen)
    {
        var space = right - column + 1;
        var limit = Math.Min(space, codePoints.Length);
        var run = 0;
        while (run < limit && codePoints[run] < 0x7F)
            run++;
        if (run == 0)
            return 0;
        if (line[column].IsSpacer)
            ClearWideAt(line, column);
        if (line[column + run - 1].IsWide)
            ClearWideAt(line, column + run - 1);
        var cells = line.Overwrite(column, column + run);
        for (var k = 0; k < cells.Length; k++)
            cells[k] = Cell.Narrow(codePoints[k], pen);
        LastPrinted = codePoints[run - 1];
        var end = column + run;
        if (end > right)
        {
            Cursor.Column = right;
            Cursor.PendingWrap = Modes.AutoWrap;
        }
        else
        {
            Cursor.Column = end;
        }

        return run;
    }

    /// <summary>The last graphic character printed, for REP (<c>CSI Ps b</c>).</summary>
    internal int LastPrinted { get; private set; }

    private int RightEdge =>
        Modes.LeftRightMarginMode && Cursor.Column <= RightMargin ? RightMargin : Columns - 1;

    private void WrapToNextLine()
    {
        Cursor.Column = Modes.LeftRightMarginMode ? LeftMargin : 0;
        LineFeedCore();
        Dirty.Mark(Cursor.Row);
    }

    /// <summary>Joins a zero-width code point (a combining mark, ZWJ, variation selector) to the cell before the cursor.</summary>
    private void Combine(int mark)
    {
        var line = CurrentLine;
        var column = Cursor.PendingWrap ? Cursor.Column : Cursor.Column - 1;
        if (column < 0)
            return;
        if (line[column].IsSpacer && column > 0)
            column--;
        var cell = line[column];
        if (cell.IsEmpty)
            return;
        var text = GetCellText(cell) + char.ConvertFromUtf32(mark);
        var index = Graphemes.Intern(text);
        if (index >= 0)
            line.At(column) = Cell.WithGrapheme(index, cell.Width, cell.Style);
    }

    /// <summary>Before overwriting <paramref name="column"/>: blank the other half of a wide character cut there.</summary>
    private static void ClearWideAt(Line line, int column)
    {
        var cell = line[column];
        if (cell.IsSpacer && column > 0 && line[column - 1].IsWide)
            line.At(column - 1) = Cell.Blank(line[column - 1].Style.ForErase());
        else if (cell.IsWide && column + 1 < line.Columns)
            line.At(column + 1) = Cell.Blank(cell.Style.ForErase());
    }

    private void ShiftRight(Line line, int column, int count, int right)
    {
        if (column + count <= right)
            ClearWideAt(line, right); // a wide character pushed over the edge is cut
        var cells = line.Writable(0, right + 1);
        if (column + count <= right)
            cells[column..(right + 1 - count)].CopyTo(cells[(column + count)..]);

        cells[column..Math.Min(right + 1, column + count)].Fill(Cell.Blank(EraseStyle));
        if (right + 1 < line.Columns && line[right + 1].IsSpacer && !line[right].IsWide)
            line.At(right + 1) = Cell.Blank(default);
    }
}

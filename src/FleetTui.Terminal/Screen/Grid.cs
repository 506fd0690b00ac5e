using System.Runtime.CompilerServices;
namespace FleetTui.Terminal.Screen;

/// <summary>
/// The visible rows of one screen (main or alternate) as a ring of lines: scrolling the whole screen moves the ring's
/// start instead of copying rows, and a line leaving the top is handed to the scrollback or recycled at the bottom.
/// </summary>
internal sealed class Grid
{
    private Line[] _lines;
    private Line[] _scratch;
    private int _top;

    public Grid(int columns, int rows)
    {
        Columns = columns;
        Rows = rows;
        _lines = new Line[rows];
        _scratch = new Line[rows];
        for (var i = 0; i < rows; i++)
            _lines[i] = new Line(columns);
    }

    public int Rows { get; private set; }

    public int Columns { get; private set; }

    /// <summary>Where DECSC saved the cursor on this screen (xterm keeps one per screen).</summary>
    public SavedCursor? Saved { get; set; }

    public Line this[int row]
    {
        get
        {
            var index = _top + row;
            if (index >= Rows)
                index -= Rows;
            return _lines[index];
        }
    }

    private ref Line Slot(int row)
    {
        var index = _top + row;
        if (index >= Rows)
            index -= Rows;
        return ref _lines[index];
    }

    /// <summary>
    /// Scrolls rows <paramref name="top"/>..<paramref name="bottom"/> (inclusive) up by <paramref name="count"/>.
    /// Lines leaving the top go to <paramref name="history"/> when given; the rows opening at the bottom are erased.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot path: skip tier-0 so a short `fleet replay` runs optimized code
    public void ScrollUp(int top, int bottom, int count, Scrollback? history, in CellStyle erase)
    {
        var height = bottom - top + 1;
        count = Math.Min(count, height);
        if (count <= 0)
            return;
        if (top == 0 && bottom == Rows - 1)
        {
            for (var i = 0; i < count; i++)
            {
                ref var slot = ref _lines[_top];
                slot = Recycle(slot, history, erase);
                _top = _top + 1 == Rows ? 0 : _top + 1;
            }

            return;
        }

        // A region: its rows move as one block copy of references (a memmove), whatever their width.
        var first = ContiguousStart(top, height);
        for (var i = 0; i < count; i++)
            _scratch[i] = Recycle(_lines[first + i], history, erase);
        Array.Copy(_lines, first + count, _lines, first, height - count);
        Array.Copy(_scratch, 0, _lines, first + height - count, count);
        Array.Clear(_scratch, 0, count);
    }

    /// <summary>Scrolls rows <paramref name="top"/>..<paramref name="bottom"/> down; the rows opening at the top are erased.</summary>
    public void ScrollDown(int top, int bottom, int count, in CellStyle erase)
    {
        var height = bottom - top + 1;
        count = Math.Min(count, height);
        if (count <= 0)
            return;
        var first = ContiguousStart(top, height);
        for (var i = 0; i < count; i++)
        {
            var line = _lines[first + height - count + i];
            line.Clear(erase);
            _scratch[i] = line;
        }

        Array.Copy(_lines, first, _lines, first + count, height - count);
        Array.Copy(_scratch, 0, _lines, first, count);
        Array.Clear(_scratch, 0, count);
    }

    /// <summary>
    /// The index in the ring of <paramref name="row"/>, with the <paramref name="height"/> rows from it stored one after
    /// another; when they would wrap around the ring's end, the ring is first unrolled so row 0 is at index 0.
    /// </summary>
    private int ContiguousStart(int row, int height)
    {
        var index = _top + row;
        if (index >= Rows)
            index -= Rows;
        if (index + height <= Rows)
            return index;
        Array.Copy(_lines, _top, _scratch, 0, Rows - _top);
        Array.Copy(_lines, 0, _scratch, Rows - _top, _top);
        (_lines, _scratch) = (_scratch, _lines);
        Array.Clear(_scratch);
        _top = 0;
        return row;
    }

    private Line Recycle(Line leaving, Scrollback? history, in CellStyle erase)
    {
        var reuse = history?.Push(leaving) ?? (history is null ? leaving : new Line(Columns));
        if (reuse.Columns != Columns)
            reuse.Resize(Columns);
        reuse.Clear(erase);
        return reuse;
    }

    public void Clear(in CellStyle erase)
    {
        foreach (var line in _lines)
            line.Clear(erase);
    }

    /// <summary>Unrolls the ring so row 0 is at index 0 (before a resize).</summary>
    public List<Line> TakeRows()
    {
        var rows = new List<Line>(Rows);
        for (var r = 0; r < Rows; r++)
            rows.Add(this[r]);
        return rows;
    }

    /// <summary>Installs new rows (exactly <paramref name="rows"/> of them, already <paramref name="columns"/> wide).</summary>
    public void SetRows(List<Line> lines, int columns, int rows)
    {
        Columns = columns;
        Rows = rows;
        _lines = lines.ToArray();
        _scratch = new Line[rows];
        _top = 0;
    }
}

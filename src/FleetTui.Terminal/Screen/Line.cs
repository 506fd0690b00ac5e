namespace FleetTui.Terminal.Screen;

/// <summary>
/// One row of cells. <see cref="Wrapped"/> is set when the text ran on into the next row by auto-wrap
/// (so a resize can re-flow it, and a copy can join it). Lines are recycled: never keep a reference past a render.
/// </summary>
public sealed class Line
{
    private Cell[] _cells;

    public Line(int columns)
    {
        _cells = new Cell[Math.Max(1, columns)];
        Columns = columns;
    }

    public int Columns { get; private set; }

    /// <summary>The line continues on the next row (auto-wrap happened at its end).</summary>
    public bool Wrapped { get; set; }

    public ReadOnlySpan<Cell> Cells => _cells.AsSpan(0, Columns);

    public ref readonly Cell this[int column] => ref _cells[column];

    internal Span<Cell> WritableCells => _cells.AsSpan(0, Columns);

    internal ref Cell At(int column) => ref _cells[column];

    /// <summary>Number of cells up to the last non-empty one (trailing erased cells with a default background don't count).</summary>
    public int ContentLength
    {
        get
        {
            var cells = Cells;
            for (var i = cells.Length - 1; i >= 0; i--)
            {
                if (!cells[i].IsEmpty || !cells[i].Style.Background.IsDefault)
                    return i + 1;
            }

            return 0;
        }
    }

    internal void Clear(in CellStyle eraseStyle)
    {
        _cells.AsSpan(0, Columns).Fill(Cell.Blank(eraseStyle));
        Wrapped = false;
    }

    internal void Fill(int from, int to, in CellStyle eraseStyle)
    {
        from = Math.Max(0, from);
        to = Math.Min(Columns, to);
        if (to > from)
            _cells.AsSpan(from, to - from).Fill(Cell.Blank(eraseStyle));
    }

    /// <summary>Changes the width, keeping the cells that still fit; new cells are empty.</summary>
    internal void Resize(int columns)
    {
        if (columns > _cells.Length)
        {
            var grown = new Cell[columns];
            _cells.AsSpan(0, Columns).CopyTo(grown);
            _cells = grown;
        }
        else if (columns > Columns)
        {
            _cells.AsSpan(Columns, columns - Columns).Clear();
        }

        Columns = columns;
        // A wide character cut in half at the new edge becomes a blank.
        if (columns > 0 && _cells[columns - 1].IsWide)
            _cells[columns - 1] = Cell.Blank(_cells[columns - 1].Style.ForErase());
    }

    internal void CopyFrom(Line other)
    {
        if (_cells.Length < other.Columns)
            _cells = new Cell[other.Columns];
        other.Cells.CopyTo(_cells);
        Columns = other.Columns;
        Wrapped = other.Wrapped;
    }
}

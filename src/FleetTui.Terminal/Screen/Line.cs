using System.Runtime.CompilerServices;

namespace FleetTui.Terminal.Screen;

/// <summary>
/// One row of cells. <see cref="Wrapped"/> is set when the text ran on into the next row by auto-wrap
/// (so a resize can re-flow it, and a copy can join it). Lines are recycled: never keep a reference past a render.
/// <para>Only the cells written since the last erase are stored (<see cref="StoredCells"/>). The cells after them, up
/// to <see cref="FillEnd"/>, are blanks in <see cref="FillStyle"/> (what the last erase left: its background); any
/// after that (columns a wider screen added since) are default blanks. So erasing a line, making a new one or changing
/// its width costs what was written on it, not its width: a 4096-column screen of short lines holds short lines, as
/// tmux's grid does.</para>
/// </summary>
public sealed class Line
{
    private const int SmallLine = 256;
    private const int MinimumGrowth = 16;
    private static readonly Cell DefaultBlank;

    private Cell[] _cells;
    private PackedCells? _packed;
    private int _stored;
    private int _fillEnd;
    private Cell _fill;

    public Line(int columns)
    {
        Columns = Math.Max(1, columns);
        _cells = [];
        _fillEnd = Columns;
    }

    public int Columns { get; private set; }

    /// <summary>The line continues on the next row (auto-wrap happened at its end).</summary>
    public bool Wrapped { get; set; }

    /// <summary>The style of the blank cells after <see cref="StoredCells"/>, up to <see cref="FillEnd"/>.</summary>
    public CellStyle FillStyle => _fill.Style;

    /// <summary>Where the blanks in <see cref="FillStyle"/> end; cells from there on are default blanks.</summary>
    public int FillEnd => Math.Max(_stored, Math.Min(_fillEnd, Columns));

    /// <summary>How many cells are stored (<see cref="StoredCells"/>); the others are blanks.</summary>
    internal int StoredCount => _stored;

    /// <summary>The cells written since the last erase, from column 0; see <see cref="FillStyle"/> for the rest.</summary>
    public ReadOnlySpan<Cell> StoredCells => _cells.AsSpan(0, _stored);

    /// <summary>All <see cref="Columns"/> cells. Stores the blank tail first: prefer <see cref="StoredCells"/> and <see cref="FillStyle"/>.</summary>
    public ReadOnlySpan<Cell> Cells
    {
        get
        {
            Store(Columns);
            return _cells.AsSpan(0, Columns);
        }
    }

    public ref readonly Cell this[int column]
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)] // read at both ends of every printed run
        get
        {
            if ((uint)column < (uint)_stored)
                return ref _cells[column];
            return ref Unstored(column);
        }
    }

    private ref readonly Cell Unstored(int column)
    {
        if ((uint)column >= (uint)Columns)
            throw new IndexOutOfRangeException();
        if (column < _fillEnd)
            return ref _fill;
        return ref DefaultBlank;
    }

    internal Span<Cell> WritableCells => Writable(0, Columns);

    /// <summary>Cells <paramref name="from"/>..<paramref name="to"/> (exclusive) for writing; stores the blanks before them.</summary>
    internal Span<Cell> Writable(int from, int to)
    {
        if (to > _stored)
            Store(to);
        return _cells.AsSpan(from, to - from);
    }

    /// <summary>
    /// Cells <paramref name="from"/>..<paramref name="to"/> (exclusive) for a caller that writes every one of them: the blanks
    /// before them are stored, they are not (<see cref="Writable"/> would store blanks only to have them overwritten).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot path: skip tier-0 so a short `fleet replay` runs optimized code
    internal Span<Cell> Overwrite(int from, int to)
    {
        if ((uint)to > (uint)Columns || (uint)from > (uint)to)
            throw new ArgumentOutOfRangeException(nameof(to));
        if (to > _stored)
        {
            Store(from);
            Reserve(to);
            _stored = to;
        }

        return _cells.AsSpan(from, to - from);
    }

    internal ref Cell At(int column)
    {
        if (column >= _stored)
        {
            if ((uint)column >= (uint)Columns)
                throw new IndexOutOfRangeException();
            Store(column + 1);
        }

        return ref _cells[column];
    }

    /// <summary>Number of cells up to the last non-empty one (trailing erased cells with a default background don't count).</summary>
    public int ContentLength
    {
        get
        {
            var fillEnd = FillEnd;
            if (fillEnd > _stored && !_fill.Style.Background.IsDefault)
                return fillEnd;
            var cells = StoredCells;
            for (var i = cells.Length - 1; i >= 0; i--)
            {
                if (!cells[i].IsEmpty || !cells[i].Style.Background.IsDefault)
                    return i + 1;
            }

            return 0;
        }
    }

    /// <summary>
    /// True while the stored cells are packed (<see cref="Pack"/>): the line reads as if empty until <see cref="Unpack"/>,
    /// which <see cref="Scrollback"/> does before handing it out.
    /// </summary>
    internal bool IsPacked => _packed is not null;

    /// <summary>Packs the stored cells and lets their array go (a history line idle for a while; see <see cref="PackedCells"/>).</summary>
    internal void Pack()
    {
        if (_packed is not null)
            return;
        _packed = PackedCells.Pack(StoredCells);
        _cells = [];
        _stored = 0;
    }

    /// <summary>Gives a packed line its cells back, exactly as they were.</summary>
    internal void Unpack()
    {
        if (_packed is not null)
        {
            var count = _packed.Count;
            _cells = count == 0 ? [] : new Cell[Columns <= SmallLine ? Math.Max(Columns, count) : count];
            _packed.UnpackInto(_cells);
            _stored = count;
            _packed = null;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot path: skip tier-0 so a short `fleet replay` runs optimized code
    internal void Clear(in CellStyle eraseStyle)
    {
        _packed = null; // a recycled packed line: its cells are being erased anyway
        _stored = 0;
        _fill = Cell.Blank(eraseStyle);
        _fillEnd = Columns;
        Wrapped = false;
    }

    internal void Fill(int from, int to, in CellStyle eraseStyle)
    {
        from = Math.Max(0, from);
        to = Math.Min(Columns, to);
        if (to <= from)
            return;
        var blank = Cell.Blank(eraseStyle);
        if (to == Columns)
        {
            // Erasing to the end of the line: the erased cells become the blank tail.
            if (from > _stored)
            {
                if (_fill.Style == eraseStyle && _fillEnd >= Columns)
                    return; // already blank in this style
                Store(from);
            }

            _stored = from;
            _fill = blank;
            _fillEnd = Columns;
            return;
        }

        Writable(from, to).Fill(blank);
    }

    /// <summary>Changes the width, keeping the cells that still fit; new cells are empty (default style).</summary>
    internal void Resize(int columns)
    {
        columns = Math.Max(1, columns);
        if (columns > Columns)
            _fillEnd = Math.Min(_fillEnd, Columns); // the new columns are default blanks
        if (_stored > columns)
            _stored = columns;
        Columns = columns;
        // A wide character cut in half at the new edge becomes a blank.
        if (columns - 1 < _stored && _cells[columns - 1].IsWide)
            _cells[columns - 1] = Cell.Blank(_cells[columns - 1].Style.ForErase());
    }

    internal void CopyFrom(Line other)
    {
        if (_cells.Length < other._stored)
            _cells = new Cell[other._stored];
        other.StoredCells.CopyTo(_cells);
        _stored = other._stored;
        _fill = other._fill;
        _fillEnd = other._fillEnd;
        Columns = other.Columns;
        Wrapped = other.Wrapped;
    }

    /// <summary>Makes cells up to <paramref name="count"/> stored (the blanks they were), growing the array if needed.</summary>
    private void Store(int count)
    {
        if (count <= _stored)
            return;
        Reserve(count);
        var fillEnd = Math.Clamp(_fillEnd, _stored, count);
        _cells.AsSpan(_stored, fillEnd - _stored).Fill(_fill);
        _cells.AsSpan(fillEnd, count - fillEnd).Clear();
        _stored = count;
    }

    /// <summary>Makes room for <paramref name="count"/> cells, keeping the stored ones.</summary>
    private void Reserve(int count)
    {
        if (count <= _cells.Length)
            return;
        // Small lines get their whole width at once; wide ones grow by doubling, so a short line stays short.
        var capacity = Columns <= SmallLine ? Columns : Math.Min(Columns, Math.Max(count, Math.Max(MinimumGrowth, _cells.Length * 2)));
        var grown = new Cell[Math.Max(capacity, count)];
        _cells.AsSpan(0, _stored).CopyTo(grown);
        _cells = grown;
    }
}

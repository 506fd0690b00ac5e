namespace FleetTui.Terminal.Screen;

/// <summary>
/// History above the main screen: a ring of lines with a fixed limit, each stored compactly (<see cref="HistoryLine"/>).
/// A pushed line is copied in, so the screen keeps its own line objects; when the ring is full the oldest entry is
/// overwritten in place, so a scrolling screen allocates nothing in steady state.
/// </summary>
public sealed class Scrollback
{
    public const int DefaultLimit = 10_000;

    private HistoryLine[] _ring;
    private int _start;

    public Scrollback(int limit = DefaultLimit)
    {
        Limit = Math.Max(0, limit);
        _ring = new HistoryLine[Math.Min(64, Limit)];
    }

    public int Limit { get; }

    public int Count { get; private set; }

    /// <summary>
    /// A copy of a history line: 0 is the oldest, <c>Count - 1</c> the most recent. Each call makes a new <see cref="Line"/>;
    /// a caller that reads many in a row (a renderer) can use <see cref="CopyTo"/> with a line of its own.
    /// </summary>
    public Line this[int index] => Entry(index).ToLine();

    /// <summary>Writes history line <paramref name="index"/> into <paramref name="line"/> (which takes its width) and returns it.</summary>
    public Line CopyTo(int index, Line line)
    {
        Entry(index).CopyTo(line);
        return line;
    }

    /// <summary>Appends a copy of <paramref name="line"/>, evicting the oldest line when full; returns <paramref name="line"/> for reuse.</summary>
    internal Line Push(Line line)
    {
        if (Limit == 0)
            return line;
        HistoryLine entry;
        if (Count < _ring.Length || _ring.Length < Limit)
        {
            if (Count == _ring.Length)
                Grow();
            entry = _ring[(_start + Count) % _ring.Length] ??= new HistoryLine();
            Count++;
        }
        else
        {
            entry = _ring[_start];
            _start = (_start + 1) % _ring.Length;
        }

        entry.Assign(line);
        return line;
    }

    /// <summary>Removes and returns the most recent line (used when a taller screen pulls history back down).</summary>
    internal Line? PopNewest()
    {
        if (Count == 0)
            return null;
        Count--;
        var index = (_start + Count) % _ring.Length;
        var line = _ring[index].ToLine();
        _ring[index] = null!;
        return line;
    }

    /// <summary>Forgets every line and lets their memory go.</summary>
    internal void Clear()
    {
        Array.Clear(_ring);
        _start = 0;
        Count = 0;
    }

    private HistoryLine Entry(int index)
    {
        if ((uint)index >= (uint)Count)
            throw new ArgumentOutOfRangeException(nameof(index), index, $"history has {Count} lines");
        return _ring[(_start + index) % _ring.Length];
    }

    private void Grow()
    {
        var grown = new HistoryLine[Math.Min(Limit, _ring.Length * 2)];
        for (var i = 0; i < Count; i++)
            grown[i] = _ring[(_start + i) % _ring.Length];
        _ring = grown;
        _start = 0;
    }
}

namespace FleetTui.Terminal.Screen;

/// <summary>
/// History above the main screen: a ring of lines with a fixed limit. When full, pushing a line evicts the oldest,
/// whose object is handed back for reuse, so a scrolling screen allocates nothing in steady state.
/// </summary>
public sealed class Scrollback
{
    public const int DefaultLimit = 10_000;

    private Line[] _ring;
    private int _start;

    public Scrollback(int limit = DefaultLimit)
    {
        Limit = Math.Max(0, limit);
        _ring = new Line[Math.Min(64, Limit)];
    }

    public int Limit { get; }

    public int Count { get; private set; }

    /// <summary>A history line: 0 is the oldest, <c>Count - 1</c> the most recent.</summary>
    public Line this[int index] => _ring[(_start + index) % _ring.Length];

    /// <summary>Appends <paramref name="line"/>; returns the evicted oldest line for reuse, or null.</summary>
    internal Line? Push(Line line)
    {
        if (Limit == 0)
            return line;
        if (Count < _ring.Length)
        {
            _ring[(_start + Count) % _ring.Length] = line;
            Count++;
            return null;
        }

        if (_ring.Length < Limit)
        {
            Grow();
            _ring[Count++] = line;
            return null;
        }

        var evicted = _ring[_start];
        _ring[_start] = line;
        _start = (_start + 1) % _ring.Length;
        return evicted;
    }

    /// <summary>Removes and returns the most recent line (used when a taller screen pulls history back down).</summary>
    internal Line? PopNewest()
    {
        if (Count == 0)
            return null;
        Count--;
        var index = (_start + Count) % _ring.Length;
        var line = _ring[index];
        _ring[index] = null!;
        return line;
    }

    internal void Clear()
    {
        Array.Clear(_ring);
        _start = 0;
        Count = 0;
    }

    private void Grow()
    {
        var grown = new Line[Math.Min(Limit, _ring.Length * 2)];
        for (var i = 0; i < Count; i++)
            grown[i] = this[i];
        _ring = grown;
        _start = 0;
    }
}

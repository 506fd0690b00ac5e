using System.Runtime.CompilerServices;
namespace FleetTui.Terminal.Screen;

/// <summary>
/// History above the main screen: a ring of lines with a fixed limit. When full, pushing a line evicts the oldest,
/// whose object is handed back for reuse, so a scrolling screen allocates nothing in steady state.
/// <para>Lines that sat in history for a while are packed (<see cref="PackIdleLines"/>, called from a timer, never while
/// text scrolls): a full history of plain text drops from 20 bytes a cell to about one. A packed line is unpacked when it is
/// read (<see cref="this[int]"/>); evicting one hands back a line without cells (the next scroll allocates them again, until
/// the ring holds only lines that never sat idle).</para>
/// </summary>
public sealed class Scrollback
{
    public const int DefaultLimit = 10_000;

    private Line[] _ring;
    private int _start;

    // Lines are numbered in push order: the line at index i is number _pushed - Count + i.
    private long _pushed;
    // Every line numbered below this was packed by a pass (unless a read unpacked it: then this moves back).
    private long _packedBefore;
    // _pushed at the last MarkIdle (the end of the previous pass): lines below it have sat in history since then.
    private long _idleBefore;

    public Scrollback(int limit = DefaultLimit)
    {
        Limit = Math.Max(0, limit);
        _ring = new Line[Math.Min(64, Limit)];
    }

    public int Limit { get; }

    public int Count { get; private set; }

    /// <summary>A history line: 0 is the oldest, <c>Count - 1</c> the most recent.</summary>
    public Line this[int index]
    {
        get
        {
            var line = _ring[(_start + index) % _ring.Length];
            if (line.IsPacked)
            {
                line.Unpack();
                // Read (scrolled back to, searched, re-flowed): it is packed again once it has sat idle once more.
                _packedBefore = Math.Min(_packedBefore, _pushed - Count + index);
            }

            return line;
        }
    }

    /// <summary>Lines packed right now (a count for tests and benchmarks: walks the ring).</summary>
    public int PackedCount
    {
        get
        {
            var packed = 0;
            for (var i = 0; i < Count; i++)
                packed += _ring[(_start + i) % _ring.Length].IsPacked ? 1 : 0;
            return packed;
        }
    }

    /// <summary>
    /// Packs up to <paramref name="budget"/> lines that were already in history at the last <see cref="MarkIdle"/> (so a line
    /// is packed only after it sat idle through a whole interval between two passes, and lines a flood pushes and evicts
    /// within one interval never are). Returns how many it packed; the rest wait for the next call. Call it under the
    /// terminal's lock.
    /// </summary>
    public int PackIdleLines(int budget)
    {
        var oldest = _pushed - Count;
        var number = Math.Max(_packedBefore, oldest);
        var idleEnd = Math.Min(_idleBefore, _pushed);
        var packed = 0;
        for (; number < idleEnd && packed < budget; number++)
        {
            var line = _ring[(int)((_start + (number - oldest)) % _ring.Length)];
            if (!line.IsPacked)
            {
                line.Pack();
                packed++;
            }
        }

        _packedBefore = number;
        return packed;
    }

    /// <summary>Ends a packing pass: the lines in history now may be packed by the next pass.</summary>
    public void MarkIdle() => _idleBefore = _pushed;

    /// <summary>Appends <paramref name="line"/>; returns the evicted oldest line for reuse, or null.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot path: skip tier-0 so a short `fleet replay` runs optimized code
    internal Line? Push(Line line)
    {
        if (Limit == 0)
            return line;
        _pushed++;
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
        _pushed--; // keeps the numbering of the lines still here
        _packedBefore = Math.Min(_packedBefore, _pushed);
        _idleBefore = Math.Min(_idleBefore, _pushed);
        var index = (_start + Count) % _ring.Length;
        var line = _ring[index];
        _ring[index] = null!;
        line.Unpack();
        return line;
    }

    internal void Clear()
    {
        Array.Clear(_ring);
        _start = 0;
        Count = 0;
        _packedBefore = _pushed;
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

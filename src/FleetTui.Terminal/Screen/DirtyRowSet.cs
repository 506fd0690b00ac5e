using System.Numerics;
using System.Runtime.CompilerServices;

namespace FleetTui.Terminal.Screen;

/// <summary>A bit per visible row: which rows changed since a renderer last took the set.</summary>
public sealed class DirtyRowSet
{
    private ulong[] _bits;

    public DirtyRowSet(int rows)
    {
        Rows = rows;
        _bits = new ulong[(rows + 63) / 64];
    }

    public int Rows { get; private set; }

    public bool IsDirty(int row) => (uint)row < (uint)Rows && (_bits[row >> 6] & (1UL << (row & 63))) != 0;

    public bool Any
    {
        get
        {
            foreach (var word in _bits)
                if (word != 0)
                    return true;
            return false;
        }
    }

    public int Count
    {
        get
        {
            var n = 0;
            foreach (var word in _bits)
                n += BitOperations.PopCount(word);
            return n;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot path: skip tier-0 so a short `fleet replay` runs optimized code
    public void Mark(int row)
    {
        if ((uint)row < (uint)Rows)
            _bits[row >> 6] |= 1UL << (row & 63);
    }

    /// <summary>Marks a range a 64-row word at a time (a scroll region of a tall screen is marked at every line feed).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot path: skip tier-0 so a short `fleet replay` runs optimized code
    public void MarkRange(int fromRow, int toRowInclusive)
    {
        var from = Math.Max(0, fromRow);
        var to = Math.Min(toRowInclusive, Rows - 1);
        if (from > to)
            return;
        int firstWord = from >> 6, lastWord = to >> 6;
        var firstMask = ulong.MaxValue << (from & 63);
        var lastMask = ulong.MaxValue >> (63 - (to & 63));
        if (firstWord == lastWord)
        {
            _bits[firstWord] |= firstMask & lastMask;
            return;
        }

        _bits[firstWord] |= firstMask;
        for (var w = firstWord + 1; w < lastWord; w++)
            _bits[w] = ulong.MaxValue;
        _bits[lastWord] |= lastMask;
    }

    public void MarkAll()
    {
        if (Rows > 0)
            MarkRange(0, Rows - 1);
    }

    public void Clear() => Array.Clear(_bits);

    /// <summary>Moves every dirty bit into <paramref name="destination"/> (OR-ed in, resized if needed) and clears this set.</summary>
    public void TakeInto(DirtyRowSet destination)
    {
        if (destination.Rows != Rows)
            destination.Resize(Rows);
        for (var i = 0; i < _bits.Length; i++)
        {
            destination._bits[i] |= _bits[i];
            _bits[i] = 0;
        }
    }

    public void Resize(int rows)
    {
        Rows = rows;
        _bits = new ulong[(rows + 63) / 64];
        MarkAll();
    }
}

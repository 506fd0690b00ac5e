using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace FleetTui.Terminal.Screen;

/// <summary>
/// A history line's stored cells kept compactly, as tmux keeps its history: the content words (one byte a cell when every
/// cell is a narrow character below U+0100, else four) and the styles as runs (none when every cell has the default
/// style). A screen cell costs 20 bytes; plain text packed costs one. The round trip is exact: <see cref="UnpackInto"/>
/// gives back every cell as it was. Built only for lines that have sat idle in history (<see cref="Scrollback.PackIdleLines"/>),
/// never while text scrolls, so scrolling keeps swapping line objects without copying them.
/// </summary>
internal sealed class PackedCells
{
    private readonly byte[]? _latin;
    private readonly uint[]? _content;
    private readonly StyleRun[] _runs;

    private PackedCells(int count, byte[]? latin, uint[]? content, StyleRun[] runs)
    {
        Count = count;
        _latin = latin;
        _content = content;
        _runs = runs;
    }

    /// <summary>The number of cells packed.</summary>
    public int Count { get; }

    private readonly record struct StyleRun(int Start, CellStyle Style);

    public static PackedCells Pack(ReadOnlySpan<Cell> cells)
    {
        var length = cells.Length;
        if (length == 0)
            return Empty;

        // One pass to learn the shape: are all contents below 256, and where does the style change (compared as two raw
        // words: a style is 16 bytes of plain fields, no padding).
        ref var first = ref MemoryMarshal.GetReference(cells);
        var contentHigh = 0u;
        var changes = 0;
        var (low, high) = Words(in first.Style);
        var styled = (low | high) != 0;
        for (var i = 0; i < length; i++)
        {
            ref readonly var cell = ref Unsafe.Add(ref first, i);
            contentHigh |= cell.Content & ~0xFFu;
            var (l, h) = Words(in cell.Style);
            if (l != low || h != high)
            {
                changes++;
                (low, high) = (l, h);
            }
        }

        byte[]? latin = null;
        uint[]? content = null;
        if (contentHigh == 0)
        {
            latin = new byte[length];
            for (var i = 0; i < length; i++)
                latin[i] = (byte)Unsafe.Add(ref first, i).Content;
        }
        else
        {
            content = new uint[length];
            for (var i = 0; i < length; i++)
                content[i] = Unsafe.Add(ref first, i).Content;
        }

        StyleRun[] runs = [];
        if (styled || changes > 0)
        {
            runs = new StyleRun[changes + 1];
            runs[0] = new StyleRun(0, first.Style);
            var run = 1;
            (low, high) = Words(in first.Style);
            for (var i = 1; i < length; i++)
            {
                ref readonly var cell = ref Unsafe.Add(ref first, i);
                var (l, h) = Words(in cell.Style);
                if (l != low || h != high)
                {
                    runs[run++] = new StyleRun(i, cell.Style);
                    (low, high) = (l, h);
                }
            }
        }

        return new PackedCells(length, latin, content, runs);
    }

    private static readonly PackedCells Empty = new(0, [], null, []);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (ulong Low, ulong High) Words(in CellStyle style)
    {
        ref var bytes = ref Unsafe.As<CellStyle, byte>(ref Unsafe.AsRef(in style));
        return (Unsafe.ReadUnaligned<ulong>(ref bytes), Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref bytes, 8)));
    }

    /// <summary>Writes the <see cref="Count"/> cells back into <paramref name="destination"/> (at least that long).</summary>
    public void UnpackInto(Span<Cell> destination)
    {
        var run = 0;
        CellStyle style = default;
        var nextRun = _runs.Length > 0 ? _runs[0].Start : int.MaxValue;
        for (var i = 0; i < Count; i++)
        {
            while (i >= nextRun)
            {
                style = _runs[run].Style;
                run++;
                nextRun = run < _runs.Length ? _runs[run].Start : int.MaxValue;
            }

            destination[i] = Cell.FromContent(_latin is not null ? _latin[i] : _content![i], style);
        }
    }
}

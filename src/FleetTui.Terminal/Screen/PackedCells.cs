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
        var latin = true;
        var styled = false;
        var runCount = 0;
        for (var i = 0; i < cells.Length; i++)
        {
            // A narrow code point below 256 with no grapheme is a content word below 256 (width code 0, flag clear).
            latin &= cells[i].Content < 256;
            if (i == 0 ? cells[0].Style != default : cells[i].Style != cells[i - 1].Style)
            {
                styled = true;
                runCount++;
            }
        }

        byte[]? latinContent = null;
        uint[]? content = null;
        if (latin)
        {
            latinContent = cells.Length == 0 ? [] : new byte[cells.Length];
            for (var i = 0; i < cells.Length; i++)
                latinContent[i] = (byte)cells[i].Content;
        }
        else
        {
            content = new uint[cells.Length];
            for (var i = 0; i < cells.Length; i++)
                content[i] = cells[i].Content;
        }

        var runs = styled ? new StyleRun[runCount + 1] : [];
        if (styled)
        {
            var run = 0;
            runs[run++] = new StyleRun(0, default);
            for (var i = 0; i < cells.Length; i++)
            {
                if (i == 0 ? cells[0].Style != default : cells[i].Style != cells[i - 1].Style)
                    runs[run++] = new StyleRun(i, cells[i].Style);
            }
        }

        return new PackedCells(cells.Length, latinContent, content, runs);
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

using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace FleetTui.Terminal.Screen;

/// <summary>
/// A line kept in the history, stored compactly (as tmux does): the cells' content words without their trailing default
/// cells, and the styles as runs. A screen line costs 20 bytes a cell; a history line about 4, and a short line only its
/// text. Ten thousand lines of history per pane would otherwise be 30 MB at 158 columns, and filling them the first time
/// (fresh memory: zeroing and page faults) was most of the cost of the first big burst of output.
/// The round trip is exact: <see cref="CopyTo"/> gives back every cell as it was.
/// </summary>
internal sealed class HistoryLine
{
    private uint[] _content = [];
    private StyleRun[] _runs = [];
    private int _length;
    private int _runCount;

    /// <summary>The width of the screen the line was written on.</summary>
    public int Columns { get; private set; }

    public bool Wrapped { get; private set; }

    /// <summary>Stores <paramref name="line"/>, reusing this object's arrays when they are big enough.</summary>
    public void Assign(Line line)
    {
        var cells = line.Cells;
        Columns = line.Columns;
        Wrapped = line.Wrapped;

        var length = cells.Length;
        while (length > 0 && IsDefault(cells[length - 1]))
            length--;
        _length = length;
        if (_content.Length < length)
            _content = new uint[length];

        // The hot loop of a flood (every line that scrolls off passes here): no bounds checks, and the current style
        // held as two words so that a cell of the same style costs two compares.
        _runCount = 0;
        if (length == 0)
            return;
        ref var cell = ref MemoryMarshal.GetReference(cells);
        ref var content = ref MemoryMarshal.GetArrayDataReference(_content);
        var (low, high) = Words(cell.Style);
        AddRun(0, cell.Style);
        for (var i = 0; i < length; i++)
        {
            ref readonly var current = ref Unsafe.Add(ref cell, i);
            Unsafe.Add(ref content, i) = current.Content;
            var (l, h) = Words(current.Style);
            if (l != low || h != high)
            {
                AddRun(i, current.Style);
                (low, high) = (l, h);
            }
        }
    }

    /// <summary>Writes the cells back into <paramref name="line"/>, which takes this line's width.</summary>
    public void CopyTo(Line line)
    {
        if (line.Columns != Columns)
            line.Resize(Columns);
        var cells = line.WritableCells;
        for (var r = 0; r < _runCount; r++)
        {
            var start = _runs[r].Start;
            var end = r + 1 < _runCount ? _runs[r + 1].Start : _length;
            var style = _runs[r].Style;
            for (var i = start; i < end; i++)
                cells[i] = Cell.FromContent(_content[i], style);
        }

        cells[_length..].Clear();
        line.Wrapped = Wrapped;
    }

    public Line ToLine()
    {
        var line = new Line(Columns);
        CopyTo(line);
        return line;
    }

    private void AddRun(int start, in CellStyle style)
    {
        if (_runCount == _runs.Length)
            Array.Resize(ref _runs, Math.Max(4, _runs.Length * 2));
        _runs[_runCount++] = new StyleRun(start, style);
    }

    private static bool IsDefault(in Cell cell) => cell.Content == 0 && Words(cell.Style) == (0, 0);

    /// <summary>A style's bits as two words: it is 16 bytes of plain fields with no padding (HistoryLineTests checks the size).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (ulong Low, ulong High) Words(in CellStyle style)
    {
        ref var bytes = ref Unsafe.As<CellStyle, byte>(ref Unsafe.AsRef(in style));
        return (Unsafe.ReadUnaligned<ulong>(ref bytes), Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref bytes, 8)));
    }

    [StructLayout(LayoutKind.Auto)]
    private readonly record struct StyleRun(int Start, CellStyle Style);
}

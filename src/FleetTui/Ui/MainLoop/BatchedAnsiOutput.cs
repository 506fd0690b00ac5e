using System.Text;
using FleetTui.Display;
using Terminal.Gui.Drawing;
using Terminal.Gui.Drivers;

namespace FleetTui.Ui.MainLoop;

/// <summary>
/// Terminal.Gui's ANSI output, except that a frame reaches the terminal in one <c>write(2)</c>. The stock output writes
/// every run of changed cells and every cursor move as a separate write: hundreds of syscalls a frame with busy panes,
/// each waking the outer terminal (tmux, sshd) for a few bytes, and over SSH as many small packets.
/// Outside a frame (the cursor shown or hidden, mode switches) it writes as before.
/// It also leaves out rows the terminal already shows exactly: Terminal.Gui marks every cell a view draws as changed, so
/// a pane title going from "idle" to "working" repainted the whole pane, and one keystroke's echo cost ~48 KB in three
/// full-screen frames (over SSH, every byte of it). Rows are compared whole, against what the last frames sent, so a
/// run of cells is never split (wide characters stay intact); a new screen size forgets everything and repaints.
/// Colours go out at the terminal's depth (<see cref="Depth"/>): below 24 bits as the nearest palette index
/// (<see cref="FleetTui.Display.ColorQuantizer"/>), the one rule for the chrome and the programs' colours alike.
/// </summary>
internal sealed class BatchedAnsiOutput : AnsiOutput
{
    private const string DefaultColors = "\u001b[39m\u001b[49m";
    private readonly StringBuilder _frame = new(64 * 1024);
    private readonly StringBuilder _run = new(1024);
    private TextStyle _textStyle = TextStyle.None;
    private bool _discarding;
    private readonly Dictionary<int, int> _indexes = [];
    private bool _inFrame;
    private Cell[,] _shown = new Cell[0, 0];
    private bool[] _rowShown = [];

    public override void Write(IOutputBuffer buffer)
    {
        SkipRowsAlreadyShown(buffer);
        _inFrame = true;
        try
        {
            WriteDirtyCells(buffer);
            // Nothing is left to send: Terminal.Gui's own pass keeps its bookkeeping (the last buffer, its per-row state);
            // anything it would still write (cursor moves over clean rows) is dropped.
            _discarding = true;
            base.Write(buffer);
        }
        finally
        {
            _discarding = false;
            _inFrame = false;
            if (_frame.Length > 0)
            {
                FleetTui.Terminal.Diagnostics.EchoTrace.Mark("ui.out", _frame.Length);
                base.Write(_frame);
                _frame.Clear();
            }
        }
    }

    /// <summary>
    /// What Terminal.Gui's output does with a frame (each run of changed cells: a cursor move, then the cells with their
    /// colours), without its per-cell cost: it measures every cell's width through a rune enumerator, a grapheme iterator
    /// and a closure, about 2 MiB of garbage for a 160x48 frame (<c>FleetTui.Benchmarks pane-frame</c>). A one-character
    /// cell below U+1100 is one column wide; other cells are measured once per distinct text (<see cref="FleetTui.Ui.Panes.DriverCells.Columns"/>). Unlike Terminal.Gui, text that looks like a
    /// URL is not wrapped in OSC 8 hyperlinks: tmux does not add them either, and the outer terminal finds URLs itself.
    /// </summary>
    private void WriteDirtyCells(IOutputBuffer buffer)
    {
        if (buffer.Contents is not { } contents)
            return;
        int rows = Math.Min(buffer.Rows, contents.GetLength(0)), columns = Math.Min(buffer.Cols, contents.GetLength(1));
        global::Terminal.Gui.Drawing.Attribute? current = null; // each frame states its first colours, as the stock output does
        for (var row = 0; row < rows; row++)
        {
            var column = 0;
            while (column < columns)
            {
                if (!contents[row, column].IsDirty)
                {
                    column++;
                    continue;
                }
                var start = column;
                _run.Clear();
                while (column < columns && contents[row, column].IsDirty)
                {
                    ref var cell = ref contents[row, column];
                    if (cell.Attribute is { } attribute && attribute != current)
                    {
                        current = attribute;
                        AppendOrWriteAttribute(_run, attribute, _textStyle);
                        _textStyle = attribute.Style;
                    }
                    var grapheme = cell.Grapheme;
                    _run.Append(grapheme);
                    cell.IsDirty = false;
                    if (IsWide(grapheme) && column + 1 < columns)
                        contents[row, ++column].IsDirty = false; // the right half of a wide character: nothing to send
                    column++;
                }
                SetCursorPositionImpl(start, row);
                Write(_run);
            }
            if (row < buffer.DirtyLines.Length)
                buffer.DirtyLines[row] = false;
        }
    }

    private static bool IsWide(string grapheme) => FleetTui.Ui.Panes.DriverCells.Columns(grapheme) > 1;

    /// <summary>Clears the dirty marks of rows whose changed cells equal what the terminal shows; remembers the rows that will be sent.</summary>
    private void SkipRowsAlreadyShown(IOutputBuffer buffer)
    {
        if (buffer.Contents is not { } contents)
            return;
        int rows = Math.Min(buffer.Rows, contents.GetLength(0)), columns = Math.Min(buffer.Cols, contents.GetLength(1));
        if (_shown.GetLength(0) != rows || _shown.GetLength(1) != columns)
        {
            _shown = new Cell[rows, columns];
            _rowShown = new bool[rows];
        }

        var dirtyLines = buffer.DirtyLines;
        for (var row = 0; row < rows && row < dirtyLines.Length; row++)
        {
            if (!dirtyLines[row])
                continue;
            if (_rowShown[row] && RowAlreadyShown(contents, row, columns))
            {
                for (var column = 0; column < columns; column++)
                    contents[row, column].IsDirty = false;
                dirtyLines[row] = false;
                continue;
            }
            for (var column = 0; column < columns; column++)
                _shown[row, column] = contents[row, column] with { IsDirty = false };
            _rowShown[row] = true;
        }
    }

    private bool RowAlreadyShown(Cell[,] contents, int row, int columns)
    {
        for (var column = 0; column < columns; column++)
        {
            ref readonly var cell = ref contents[row, column];
            if (!cell.IsDirty)
                continue;
            ref readonly var shown = ref _shown[row, column];
            if (!string.Equals(cell.Grapheme, shown.Grapheme, StringComparison.Ordinal) || cell.Attribute != shown.Attribute)
                return false;
        }
        return true;
    }

    /// <summary>How many colours the terminal shows; below 24 bits every colour is sent as its nearest palette index.</summary>
    public ColorDepth Depth { get; init; } = ColorDepth.TrueColor;

    protected override void AppendOrWriteAttribute(StringBuilder output, global::Terminal.Gui.Drawing.Attribute attr, TextStyle redrawTextStyle)
    {
        if (Depth is not (ColorDepth.Colors16 or ColorDepth.Colors256))
        {
            base.AppendOrWriteAttribute(output, attr, redrawTextStyle);
            return;
        }
        // The base writes the text style (its helper is internal); with default colours it starts with their two resets,
        // which are replaced by the palette colours.
        var start = output.Length;
        base.AppendOrWriteAttribute(output, new global::Terminal.Gui.Drawing.Attribute(Color.None, Color.None, attr.Style), redrawTextStyle);
        if (output.Length - start >= DefaultColors.Length && output.ToString(start, DefaultColors.Length) == DefaultColors)
            output.Remove(start, DefaultColors.Length);
        var colors = new StringBuilder(24);
        AppendColor(colors, attr.Foreground, background: false);
        AppendColor(colors, attr.Background, background: true);
        output.Insert(start, colors);
    }

    private void AppendColor(StringBuilder output, Color color, bool background)
    {
        if (color == Color.None)
        {
            output.Append(background ? "\u001b[49m" : "\u001b[39m");
            return;
        }
        var key = (color.R << 16) | (color.G << 8) | color.B;
        if (!_indexes.TryGetValue(key, out var index))
            _indexes[key] = index = FleetTui.Display.ColorQuantizer.Index(color.R, color.G, color.B, Depth);
        output.Append("\u001b[");
        if (Depth == ColorDepth.Colors256)
            output.Append(background ? "48;5;" : "38;5;").Append(index);
        else
            output.Append((index < 8 ? 30 : 82) + index + (background ? 10 : 0));
        output.Append('m');
    }

    protected override void Write(StringBuilder output)
    {
        if (_discarding)
            return;
        if (_inFrame)
            _frame.Append(output);
        else
            base.Write(output);
    }

    /// <summary>Inside a frame, a cursor move joins the frame's text (fleet is full-screen: row 0 is the terminal's first).</summary>
    protected override bool SetCursorPositionImpl(int col, int row)
    {
        if (_discarding)
            return true;
        if (!_inFrame)
            return base.SetCursorPositionImpl(col, row);
        _frame.Append("\u001b[").Append(row + 1).Append(';').Append(col + 1).Append('H');
        return true;
    }
}

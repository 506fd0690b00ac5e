using System.Text;
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
/// </summary>
internal sealed class BatchedAnsiOutput : AnsiOutput
{
    private readonly StringBuilder _frame = new(64 * 1024);
    private bool _inFrame;
    private Cell[,] _shown = new Cell[0, 0];
    private bool[] _rowShown = [];

    public override void Write(IOutputBuffer buffer)
    {
        SkipRowsAlreadyShown(buffer);
        _inFrame = true;
        try
        {
            base.Write(buffer);
        }
        finally
        {
            _inFrame = false;
            if (_frame.Length > 0)
            {
                base.Write(_frame);
                _frame.Clear();
            }
        }
    }

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

    protected override void Write(StringBuilder output)
    {
        if (_inFrame)
            _frame.Append(output);
        else
            base.Write(output);
    }

    /// <summary>Inside a frame, a cursor move joins the frame's text (fleet is full-screen: row 0 is the terminal's first).</summary>
    protected override bool SetCursorPositionImpl(int col, int row)
    {
        if (!_inFrame)
            return base.SetCursorPositionImpl(col, row);
        _frame.Append("\u001b[").Append(row + 1).Append(';').Append(col + 1).Append('H');
        return true;
    }
}

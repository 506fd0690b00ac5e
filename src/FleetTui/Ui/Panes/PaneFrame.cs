using FleetTui.Host.Protocol.Screens;
using FleetTui.Terminal.Screen;

namespace FleetTui.Ui.Panes;

/// <summary>
/// The rows of a pane's screen that need drawing, copied out of its mirror while the mirror's lock is held, so the slow part
/// (turning cells into Terminal.Gui draw calls) runs without the lock and the connection keeps applying updates meanwhile.
/// Buffers are reused from frame to frame: a steady stream of output allocates nothing here.
/// </summary>
public sealed class PaneFrame
{
    private Cell[][] _rows = [];
    private bool[] _copied = [];
    private readonly Dictionary<(int Row, int Column), string> _graphemes = [];

    public int Rows { get; private set; }

    public int Columns { get; private set; }

    public (int Row, int Column)? Cursor { get; private set; }

    /// <summary>Starts a frame of <paramref name="rows"/> x <paramref name="columns"/>; no row is copied yet.</summary>
    public void Begin(int rows, int columns)
    {
        if (_rows.Length < rows || (_rows.Length > 0 && _rows[0].Length < columns))
        {
            _rows = new Cell[Math.Max(rows, _rows.Length)][];
            for (var r = 0; r < _rows.Length; r++)
                _rows[r] = new Cell[columns];
            _copied = new bool[_rows.Length];
        }
        Array.Clear(_copied);
        _graphemes.Clear();
        Rows = rows;
        Columns = columns;
        Cursor = null;
    }

    /// <summary>Copies one screen row (call with the mirror's lock held).</summary>
    public void Copy(int row, PaneMirror screen)
    {
        var cells = screen.Row(row);
        var count = Math.Min(Columns, cells.Length);
        cells[..count].CopyTo(_rows[row]);
        if (count < Columns)
            _rows[row].AsSpan(count, Columns - count).Clear();
        for (var column = 0; column < count; column++)
        {
            if (cells[column].HasGrapheme)
                _graphemes[(row, column)] = screen.Grapheme(row, cells[column]);
        }
        _copied[row] = true;
    }

    public void SetCursor(int row, int column) => Cursor = (row, column);

    public bool IsCopied(int row) => row < Rows && _copied[row];

    public ReadOnlySpan<Cell> Row(int row) => _rows[row].AsSpan(0, Columns);

    /// <summary>The text of a cell holding a grapheme cluster (base plus combining marks, or an emoji sequence).</summary>
    public string Grapheme(int row, int column) => _graphemes.GetValueOrDefault((row, column), " ");
}

using FleetTui.Terminal.Screen;

namespace FleetTui.Host.Protocol.Screens;

/// <summary>
/// A client's copy of one pane as the host's emulator has it: rows of cells (already scrolled to the client's offset),
/// the cursor, the title, whether the program runs. Written by the connection's reader thread (<see cref="ScreenFrameReader"/>),
/// read by the UI thread under <see cref="SyncRoot"/>. Like the emulator it tracks dirty rows and raises
/// <see cref="Changed"/> once until the UI calls <see cref="AcknowledgeChange"/>, so a burst of updates costs one wake-up.
/// </summary>
public sealed class PaneMirror(string task)
{
    private Cell[][] _rows = [];
    private List<string>[] _graphemes = [];
    private readonly DirtyRowSet _dirty = new(0);
    private int _changeSignalled;

    public string Task { get; } = task;

    public Lock SyncRoot { get; } = new();

    public int Columns { get; private set; }

    public int Rows { get; private set; }

    public int CursorRow { get; private set; }

    public int CursorColumn { get; private set; }

    public PaneFlags Flags { get; private set; }

    public bool CursorVisible => Flags.HasFlag(PaneFlags.CursorVisible);

    public bool MouseWanted => Flags.HasFlag(PaneFlags.MouseWanted);

    public bool IsRunning => Flags.HasFlag(PaneFlags.Running);

    public bool StartFailed => Flags.HasFlag(PaneFlags.StartFailed);

    public bool IsAlternateScreen => Flags.HasFlag(PaneFlags.AlternateScreen);

    public bool IsGone => Flags.HasFlag(PaneFlags.Gone);

    public string Title { get; private set; } = "";

    /// <summary>"exit code 0", "killed by SIGHUP", or why it could not start; empty while it runs.</summary>
    public string ExitText { get; private set; } = "";

    /// <summary>Lines of history above the screen (0 on the alternate screen).</summary>
    public int HistoryCount { get; private set; }

    /// <summary>The scroll offset the host applied (it clamps what the client asked to the history there is).</summary>
    public int ScrollOffset { get; private set; }

    /// <summary>Incremented by every applied update.</summary>
    public long Version { get; private set; }

    /// <summary>Raised on the reader thread when an update arrived; see the class remarks.</summary>
    public event Action? Changed;

    public ReadOnlySpan<Cell> Row(int row) => _rows[row].AsSpan(0, Columns);

    /// <summary>The text of a grapheme cell of <paramref name="row"/>.</summary>
    public string Grapheme(int row, in Cell cell) =>
        cell.HasGrapheme && cell.GraphemeIndex < _graphemes[row].Count ? _graphemes[row][cell.GraphemeIndex] : " ";

    /// <summary>The rows changed since the last call move into <paramref name="dirty"/>; true when there is something to draw.</summary>
    public bool TakeFrame(DirtyRowSet dirty)
    {
        if (!_dirty.Any)
            return false;
        _dirty.TakeInto(dirty);
        return true;
    }

    /// <summary>The row's text (spacers skipped, trailing blanks trimmed).</summary>
    public string RowText(int row)
    {
        var text = new System.Text.StringBuilder();
        foreach (var cell in Row(row))
        {
            if (cell.IsSpacer)
                continue;
            text.Append(cell.HasGrapheme ? Grapheme(row, cell) : cell.IsEmpty ? " " : char.ConvertFromUtf32(cell.CodePoint));
        }
        return text.ToString().TrimEnd();
    }

    /// <summary>The UI took the change: the next update raises <see cref="Changed"/> again.</summary>
    public void AcknowledgeChange() => Volatile.Write(ref _changeSignalled, 0);

    internal void Apply(PaneFlags flags, int columns, int rows, int cursorRow, int cursorColumn, int history, int offset, string title, string exit)
    {
        if (flags.HasFlag(PaneFlags.Reset) || columns != Columns || rows != Rows)
            Reshape(columns, rows);
        Flags = flags & ~PaneFlags.Reset;
        CursorRow = cursorRow;
        CursorColumn = cursorColumn;
        HistoryCount = history;
        ScrollOffset = offset;
        Title = title;
        ExitText = exit;
        Version++;
    }

    internal void ApplyRow(int row, ref WireReader cells)
    {
        if ((uint)row >= (uint)Rows)
            throw new ProtocolException($"row {row} of a {Rows}-row pane");
        _graphemes[row].Clear();
        RowCodec.Decode(ref cells, _rows[row].AsSpan(0, Columns), _graphemes[row]);
        _dirty.Mark(row);
    }

    internal void SignalChange()
    {
        FleetTui.Terminal.Diagnostics.EchoTrace.Mark("ui.update", Volatile.Read(ref _changeSignalled));
        if (Interlocked.Exchange(ref _changeSignalled, 1) == 0)
            Changed?.Invoke();
    }

    private void Reshape(int columns, int rows)
    {
        Columns = Math.Max(0, columns);
        Rows = Math.Max(0, rows);
        _rows = new Cell[Rows][];
        _graphemes = new List<string>[Rows];
        for (var row = 0; row < Rows; row++)
        {
            _rows[row] = new Cell[Columns];
            _graphemes[row] = [];
        }
        _dirty.Resize(Rows);
    }
}

namespace FleetTui.Terminal.Screen;

/// <summary>
/// The state of one terminal: main and alternate screens, scrollback (main screen only), cursor, modes, tab stops,
/// scroll region, and which rows changed. Read it from the UI while holding the owning
/// <c>VirtualTerminal.SyncRoot</c>; it is mutated by the emulator only.
/// <para>Rows and columns are 0-based. <see cref="GetLine"/> with a negative row reads history: -1 is the newest
/// history line, <c>-Scrollback.Count</c> the oldest.</para>
/// </summary>
public sealed partial class ScreenBuffer
{
    private readonly Grid _main;
    private readonly Grid _alternate;
    private Grid _active;
    private readonly Dictionary<ushort, string> _hyperlinks = [];
    private readonly Dictionary<string, ushort> _hyperlinkIds = new(StringComparer.Ordinal);
    private bool[] _tabStops;

    public ScreenBuffer(int columns, int rows, int scrollbackLimit = Scrollback.DefaultLimit)
    {
        columns = Math.Max(1, columns);
        rows = Math.Max(1, rows);
        _main = new Grid(columns, rows);
        _alternate = new Grid(columns, rows);
        _active = _main;
        Scrollback = new Scrollback(scrollbackLimit);
        Dirty = new DirtyRowSet(rows);
        _tabStops = DefaultTabStops(columns);
        ScrollBottom = rows - 1;
        RightMargin = columns - 1;
        Dirty.MarkAll();
    }

    public int Columns => _active.Columns;

    public int Rows => _active.Rows;

    public Cursor Cursor { get; } = new();

    public TerminalModes Modes { get; } = new();

    public Scrollback Scrollback { get; }

    public GraphemeTable Graphemes { get; } = new();

    /// <summary>True while a full-screen program has switched to the alternate screen (which keeps no history).</summary>
    public bool IsAlternateScreen => _active == _alternate;

    /// <summary>Rows changed since a renderer last took them (<see cref="TakeDirtyRows"/>).</summary>
    internal DirtyRowSet Dirty { get; }

    /// <summary>First row of the scroll region (DECSTBM), 0-based.</summary>
    public int ScrollTop { get; private set; }

    /// <summary>Last row of the scroll region, inclusive.</summary>
    public int ScrollBottom { get; private set; }

    /// <summary>DECSLRM left margin (0-based), meaningful when <see cref="TerminalModes.LeftRightMarginMode"/> is on.</summary>
    public int LeftMargin { get; private set; }

    public int RightMargin { get; private set; }

    /// <summary>The window title (OSC 0 / 2).</summary>
    public string Title { get; internal set; } = "";

    /// <summary>The working directory the program reported with OSC 7 (a <c>file://host/path</c> URI), or null.</summary>
    public string? WorkingDirectory { get; internal set; }

    /// <summary>A visible row (0..Rows-1) of the active screen, or a history line for a negative row.</summary>
    public Line GetLine(int row)
    {
        if (row >= 0)
            return _active[row];
        return Scrollback[Scrollback.Count + row];
    }

    /// <summary>The text of a cell (its code point, or base plus combining marks); "" for a spacer, " " for an empty cell.</summary>
    public string GetCellText(in Cell cell)
    {
        if (cell.HasGrapheme)
            return Graphemes[cell.GraphemeIndex];
        if (cell.IsSpacer)
            return "";
        return cell.IsEmpty ? " " : char.ConvertFromUtf32(cell.CodePoint);
    }

    /// <summary>The URI of an OSC 8 hyperlink id found in <see cref="CellStyle.HyperlinkId"/>, or null.</summary>
    public string? GetHyperlink(ushort id) => _hyperlinks.GetValueOrDefault(id);

    /// <summary>
    /// Moves the set of changed rows into <paramref name="destination"/> and clears it here. A renderer keeps one
    /// <see cref="DirtyRowSet"/> and calls this once per frame, then redraws only the rows marked in it.
    /// </summary>
    public void TakeDirtyRows(DirtyRowSet destination) => Dirty.TakeInto(destination);

    /// <summary>A row as plain text: spacers skipped, trailing blanks trimmed (what <c>fleet replay</c> prints).</summary>
    public string GetRowText(int row) => LineText.Plain(this, GetLine(row));

    internal ushort InternHyperlink(string uri)
    {
        if (_hyperlinkIds.TryGetValue(uri, out var id))
            return id;
        if (_hyperlinks.Count >= ushort.MaxValue - 1)
            return 0;
        id = (ushort)(_hyperlinks.Count + 1);
        _hyperlinks[id] = uri;
        _hyperlinkIds[uri] = id;
        return id;
    }

    private Line CurrentLine => _active[Cursor.Row];

    private Scrollback? HistoryForScroll => _active == _main && ScrollTop == 0 ? Scrollback : null;

    private CellStyle EraseStyle => Cursor.Pen.ForErase();

    private static bool[] DefaultTabStops(int columns)
    {
        var stops = new bool[columns];
        for (var c = 8; c < columns; c += 8)
            stops[c] = true;
        return stops;
    }
}

using FleetTui.Host.Agents;
using FleetTui.Host.Merging;
using FleetTui.Host.Panes;
using System.Drawing;
using System.Text;
using FleetTui.Core.Session;
using FleetTui.Host.Protocol;
using FleetTui.Host.Protocol.Screens;
using FleetTui.Terminal.Input;
using FleetTui.Terminal.Screen;
using FleetTui.Ui.Themes;
using FleetTui.Ui.Views;
using Terminal.Gui.Drawing;
using Terminal.Gui.Drivers;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Attribute = Terminal.Gui.Drawing.Attribute;
using Cursor = Terminal.Gui.Drivers.Cursor;
using Cell = FleetTui.Terminal.Screen.Cell;
using GuiKey = Terminal.Gui.Input.Key;
using TerminalMouseEvent = FleetTui.Terminal.Input.MouseEvent;

namespace FleetTui.Ui.Panes;

/// <summary>
/// Draws one task's terminal: a title row (number, task, branch, state) and the screen below it, from the pane's
/// mirror of the host's emulator. Only rows the host changed are repainted, unless the pane moved, resized, scrolled
/// or was invalidated. A screen of another size than the pane (another client sizes it) is shown cropped or with room
/// to spare. Keys never reach it through Terminal.Gui (the cockpit routes them), so it consumes any that do.
/// </summary>
public sealed class PaneView : View
{
    private readonly DirtyRowSet _dirty = new(1);
    private readonly PaneFrame _frame = new();
    private char[] _runBuffer = new char[256];
    private ChromeAttributes _chrome;
    private bool _fullRedraw = true;
    private bool _focused;
    private CellStyle _lastStyle;
    private Attribute _lastAttribute;
    private bool _hasLastAttribute;
    private int _scrollOffset;
    private bool _exitShown;
    private int _number;

    // True when the pending draw was asked for by new output only. Any other draw (Terminal.Gui clearing the screen
    // after a resize, an overlapping view going away) repaints everything, since the driver's copy may be gone.
    private bool _outputRequestedDraw;

    // True when the pending draw was asked for by a change of the task (title row, placeholder), possibly with output.
    private bool _taskRequestedDraw;

    // Where the pane was last drawn: a pane that moved or changed size is repainted in full, whatever asked for the draw.
    private Rectangle _lastDrawnFrame;

    public PaneView(int number, TaskSnapshot task, PaneMirror? screen, ChromeAttributes chrome)
    {
        _number = number;
        Task = task;
        Screen = screen;
        _chrome = chrome;
        CanFocus = true;
    }

    /// <summary>The pane's place in the cockpit (Alt+N focuses it); it moves up when a pane before it goes.</summary>
    public int Number
    {
        get => _number;
        set
        {
            if (_number == value)
                return;
            _number = value;
            Invalidate();
        }
    }

    /// <summary>The keys that retry a task whose worktree could not be created (the restart command), for the placeholder.</summary>
    public string? RetryKeyText { get; init; }

    public TaskSnapshot Task { get; private set; }

    /// <summary>The task's service this pane shows instead of its agent (<see cref="PaneServices"/> cycles it), or null: the agent.</summary>
    public string? Service { get; private set; }

    /// <summary>What the host calls the screen shown: the task's name, or <c>task/service</c> (<see cref="PaneKey"/>).</summary>
    public string ScreenKey => Service is null ? Task.Name : PaneKey.ForService(Task.Name, Service);

    /// <summary>Shows the agent (null) or one of the task's services; the screen is attached by the cockpit afterwards.</summary>
    public void ShowService(string? service)
    {
        if (Service == service)
            return;
        Service = service;
        _scrollOffset = 0;
        AttachScreen(null);
        ViewChanged?.Invoke(this);
    }

    /// <summary>Null for a task with no terminal yet (blocked, pending): the pane says why.</summary>
    public PaneMirror? Screen { get; private set; }

    /// <summary>Raised when the pane is clicked (click-to-focus).</summary>
    public event Action<PaneView>? Clicked;

    /// <summary>A mouse event for the pane's program (it asked for the mouse).</summary>
    public event Action<PaneView, TerminalMouseEvent>? MouseForProgram;

    /// <summary>Raised when what the host must know of this pane changed: its size or its scroll offset.</summary>
    public event Action<PaneView>? ViewChanged;

    /// <summary>Lines scrolled back into history (scroll mode); 0 shows the live screen. The host draws the view.</summary>
    public int ScrollOffset
    {
        get => _scrollOffset;
        set
        {
            var history = 0;
            if (Screen is { } screen)
                lock (screen.SyncRoot)
                    history = screen.HistoryCount;
            var clamped = Math.Clamp(value, 0, history);
            if (clamped == _scrollOffset)
                return;
            _scrollOffset = clamped;
            Invalidate();
            ViewChanged?.Invoke(this);
        }
    }

    /// <summary>Width and height available to the program (the frame minus the title row and the left edge).</summary>
    public Size ContentSize => new(Math.Max(1, Frame.Width - LeftEdgeWidth), Math.Max(1, Frame.Height - 1));

    /// <summary>True when another pane sits to the left: column 0 draws a separator.</summary>
    public bool HasLeftEdge { get; set; }

    private int LeftEdgeWidth => HasLeftEdge ? 1 : 0;

    public bool IsPaneFocused
    {
        get => _focused;
        set
        {
            if (_focused == value)
                return;
            _focused = value;
            Invalidate();
        }
    }

    public void SetChrome(ChromeAttributes chrome)
    {
        _chrome = chrome;
        _hasLastAttribute = false;
        Invalidate();
    }

    public void UpdateTask(TaskSnapshot task)
    {
        if (Equals(task, Task))
            return;
        Task = task;
        // The task shows only in the title row (or the placeholder): an agent going from idle to working as the user
        // types must not repaint the program's whole screen along with the echo.
        _taskRequestedDraw = true;
        SetNeedsDraw();
    }

    /// <summary>Shows this screen (null: the task has none any more, the placeholder says why).</summary>
    public void AttachScreen(PaneMirror? screen)
    {
        Screen = screen;
        _exitShown = false;
        Invalidate();
    }

    /// <summary>
    /// Shown in the title instead of the task's state while its remote host is not connected (<c>box reconnecting 3s</c>);
    /// the screen below stays the last one the host sent.
    /// </summary>
    public string? LinkNote
    {
        get => _linkNote;
        set
        {
            if (value == _linkNote)
                return;
            _linkNote = value;
            _taskRequestedDraw = true;
            SetNeedsDraw();
        }
    }

    private string? _linkNote;

    /// <summary>Forget what was painted: the next draw repaints every row.</summary>
    public void Invalidate()
    {
        _fullRedraw = true;
        SetNeedsDraw();
    }

    /// <summary>Moves the pane and pushes the new content size to the emulator and the PTY.</summary>
    public void Place(Rectangle frame, bool hasLeftEdge)
    {
        if (Frame == frame && HasLeftEdge == hasLeftEdge && Visible)
            return;
        HasLeftEdge = hasLeftEdge;
        X = frame.X;
        Y = frame.Y;
        Width = frame.Width;
        Height = frame.Height;
        Visible = !frame.IsEmpty;
        Invalidate();
        ViewChanged?.Invoke(this);
    }

    /// <summary>Called on the UI thread when the screen signalled an update.</summary>
    public void OnScreenChanged()
    {
        Screen?.AcknowledgeChange();
        var exited = Screen is { } screen && !screen.IsRunning;
        if (exited != _exitShown)
        {
            _exitShown = exited;
            Invalidate(); // the title shows the exit status
            return;
        }
        _outputRequestedDraw = true;
        SetNeedsDraw();
    }

    protected override bool OnClearingViewport() => true;

    protected override bool OnDrawingContent(DrawContext? context)
    {
        var width = Viewport.Width;
        var height = Viewport.Height;
        if (width <= 0 || height <= 0)
            return true;
        _hasLastAttribute = false;
        var moved = Frame != _lastDrawnFrame;
        var full = _fullRedraw || moved || !(_outputRequestedDraw || _taskRequestedDraw) || !MarksStillShown();
        _lastDrawnFrame = Frame;
        var taskChanged = _taskRequestedDraw;
        _fullRedraw = false;
        _outputRequestedDraw = false;
        _taskRequestedDraw = false;
        if (full)
        {
            DrawTitle(width);
            DrawLeftEdge(height);
        }
        else if (taskChanged)
        {
            DrawTitle(width);
        }

        if (Screen is not { } screen)
        {
            if (full || taskChanged)
                DrawPlaceholder(width, height);
            return true;
        }

        bool changed;
        lock (screen.SyncRoot)
        {
            if (_dirty.Rows != screen.Rows)
                _dirty.Resize(screen.Rows);
            changed = screen.TakeFrame(_dirty);
            if (!changed && !full)
                return true;
            var rows = Math.Min(height - 1, screen.Rows);
            var columns = Math.Min(width - LeftEdgeWidth, screen.Columns);
            _frame.Begin(rows, columns);
            for (var row = 0; row < rows; row++)
            {
                if (full || _dirty.IsDirty(row))
                    _frame.Copy(row, screen);
            }
            _dirty.Clear();
            if (screen.CursorVisible)
                _frame.SetCursor(screen.CursorRow, screen.CursorColumn);
        }

        // The mirror is unlocked from here on: the connection applies updates while we draw.
        if (changed && !full)
            DrawTitle(width); // exit status and title changes arrive with output
        for (var row = 0; row < _frame.Rows; row++)
        {
            if (!_frame.IsCopied(row))
                continue;
            DrawRow(row, row + 1, width);
            if (_highlight is not null)
                DrawHighlight(row, width);
        }
        if (full)
            ClearBelow(_frame.Rows + 1, width, height);
        UpdateCursor(_frame.Cursor);
        return true;
    }

    private void DrawRow(int frameRow, int viewRow, int width)
    {
        Move(LeftEdgeWidth, viewRow);
        var cells = _frame.Row(frameRow);
        var column = 0;
        var limit = cells.Length;
        while (column < limit)
        {
            ref readonly var cell = ref cells[column];
            if (cell.IsSpacer)
            {
                column++;
                continue;
            }
            SetCellAttribute(cell.Style);
            if (IsPlainAscii(cell))
            {
                column = DrawAsciiRun(cells, column, viewRow);
                continue;
            }
            if (cell.IsWide && column + 1 >= limit)
            {
                DrawCell(column, viewRow, " ", wide: false); // half a wide character does not fit: a blank, as tmux does
                column++;
                continue;
            }
            DrawCell(column, viewRow, cell.HasGrapheme ? _frame.Grapheme(frameRow, column) : DriverCells.TextOf(cell.CodePoint), cell.IsWide);
            column += cell.IsWide ? 2 : 1;
        }
        if (column < width - LeftEdgeWidth)
        {
            SetCellAttribute(default);
            DrawBlanks(LeftEdgeWidth + column, viewRow, width - LeftEdgeWidth - column);
        }
    }

    /// <summary>
    /// One cell that is not plain ASCII (a wide character, a grapheme cluster, a character from U+1100 up) at a screen
    /// column of the pane, in the current attribute, straight into the driver's cells: through AddStr it cost a string,
    /// a grapheme iterator and a text-element enumerator per cell (about 1 MiB a frame for a screen of CJK text).
    /// </summary>
    private void DrawCell(int column, int viewRow, string text, bool wide)
    {
        var x = LeftEdgeWidth + column;
        if (DriverCells.TryWriteCell(App?.Driver, ViewportToScreen(new Point(x, viewRow)), text, wide, _lastAttribute))
            return;
        Move(x, viewRow);
        AddStr(text);
    }

    /// <summary>Blanks in the current attribute from a view position to the right, straight into the driver's cells.</summary>
    private void DrawBlanks(int x, int viewRow, int count)
    {
        if (_runBuffer.Length < count)
            _runBuffer = new char[Math.Max(count, _runBuffer.Length * 2)];
        _runBuffer.AsSpan(0, count).Fill(' ');
        if (DriverCells.TryWrite(App?.Driver, ViewportToScreen(new Point(x, viewRow)), _runBuffer.AsSpan(0, count), _lastAttribute))
            Move(x + count, viewRow);
        else
            AddStr(new string(' ', count));
    }

    private PaneHighlight? _highlight;

    /// <summary>Scroll mode's cursor line, selection and search matches (null outside scroll mode).</summary>
    public PaneHighlight? Highlight
    {
        get => _highlight;
        set
        {
            if (Equals(value, _highlight))
                return;
            _highlight = value;
            Invalidate();
        }
    }

    /// <summary>Paints a row's scroll-mode marks over it: the whole row when it is the cursor's or selected, else the search matches.</summary>
    private void DrawHighlight(int frameRow, int width)
    {
        var highlight = _highlight!;
        var cells = _frame.Row(frameRow);
        var text = new StringBuilder();
        var columnOf = new List<int>();
        for (var column = 0; column < cells.Length; column++)
        {
            ref readonly var cell = ref cells[column];
            if (cell.IsSpacer)
                continue;
            var grapheme = cell.IsEmpty ? " " : cell.HasGrapheme ? _frame.Grapheme(frameRow, column) : char.ConvertFromUtf32(cell.CodePoint);
            text.Append(grapheme);
            for (var i = 0; i < grapheme.Length; i++)
                columnOf.Add(column);
        }
        var room = width - LeftEdgeWidth;
        if (highlight.IsMarked(frameRow))
        {
            SetAttribute(_chrome.Selected);
            Move(LeftEdgeWidth, frameRow + 1);
            var shown = text.ToString();
            AddStr(shown.Length >= room ? shown[..room] : shown.PadRight(room));
            _hasLastAttribute = false;
            return;
        }
        if (highlight.Search.Length == 0)
            return;
        var row = text.ToString();
        var match = new Attribute(_chrome.Warning.Foreground, _chrome.Warning.Background, TextStyle.Reverse | TextStyle.Bold);
        for (var at = row.IndexOf(highlight.Search, StringComparison.OrdinalIgnoreCase); at >= 0;
             at = row.IndexOf(highlight.Search, at + highlight.Search.Length, StringComparison.OrdinalIgnoreCase))
        {
            if (columnOf[at] >= room)
                break;
            SetAttribute(match);
            Move(LeftEdgeWidth + columnOf[at], frameRow + 1);
            var found = row.Substring(at, highlight.Search.Length);
            AddStr(found.Length > room - columnOf[at] ? found[..(room - columnOf[at])] : found);
        }
        _hasLastAttribute = false;
    }

    /// <summary>A narrow cell holding one printable ASCII character, or nothing (drawn as a blank).</summary>
    private static bool IsPlainAscii(in Cell cell) =>
        cell.IsEmpty || (!cell.HasGrapheme && !cell.IsWide && cell.CodePoint is >= 0x20 and < 0x7f);

    /// <summary>
    /// Draws the run of plain ASCII cells of one style that starts at <paramref name="column"/> with one AddStr, and
    /// returns the column after it. Terminal.Gui builds a string, a grapheme iterator and a text-element enumerator for
    /// every AddRune: a full-screen pane allocated about a megabyte a frame that way, and garbage collections then
    /// held up the echo of a key. ASCII only, because any other neighbours could join into one grapheme when drawn
    /// together (a spacing mark after its consonant) and shift the rest of the row.
    /// </summary>
    private int DrawAsciiRun(ReadOnlySpan<Cell> cells, int column, int viewRow)
    {
        var style = cells[column].Style;
        var end = column;
        while (end < cells.Length && IsPlainAscii(cells[end]) && cells[end].Style == style)
            end++;
        var length = end - column;
        if (_runBuffer.Length < length)
            _runBuffer = new char[Math.Max(length, _runBuffer.Length * 2)];
        for (var i = 0; i < length; i++)
        {
            ref readonly var cell = ref cells[column + i];
            _runBuffer[i] = cell.IsEmpty ? ' ' : (char)cell.CodePoint;
        }
        var x = LeftEdgeWidth + column;
        if (DriverCells.TryWrite(App?.Driver, ViewportToScreen(new Point(x, viewRow)), _runBuffer.AsSpan(0, length), _lastAttribute))
            Move(x + length, viewRow); // the cells after the run are drawn through Terminal.Gui from there
        else
            AddStr(new string(_runBuffer, 0, length));
        return end;
    }

    private void SetCellAttribute(in CellStyle style)
    {
        if (_hasLastAttribute && style == _lastStyle)
            return;
        var theme = _chrome.Theme;
        var (fg, bg) = CellColors.Resolve(style, theme);
        var textStyle = TextStyle.None;
        if (style.Has(CellFlags.Bold)) textStyle |= TextStyle.Bold;
        if (style.Has(CellFlags.Dim)) textStyle |= TextStyle.Faint;
        if (style.Has(CellFlags.Italic)) textStyle |= TextStyle.Italic;
        if (style.Has(CellFlags.Blink)) textStyle |= TextStyle.Blink;
        if (style.Has(CellFlags.Strikethrough)) textStyle |= TextStyle.Strikethrough;
        if (style.Underline != UnderlineStyle.None) textStyle |= TextStyle.Underline;
        _lastAttribute = theme.MonochromeChrome
            ? CellColors.WithoutDefaultColors(style, theme, textStyle)
            : new Attribute(ChromeAttributes.ToColor(fg), ChromeAttributes.ToColor(bg), textStyle);
        _lastStyle = style;
        _hasLastAttribute = true;
        SetAttribute(_lastAttribute);
    }

    private void UpdateCursor((int Row, int Column)? cursor)
    {
        var position = _focused && cursor is { } c && c.Row < Viewport.Height - 1 && c.Column < Viewport.Width - LeftEdgeWidth
            ? ViewportToScreen(new Point(c.Column + LeftEdgeWidth, c.Row + 1))
            : (Point?)null;
        if (Cursor.Position != position)
            Cursor = Cursor with { Position = position };
    }

    /// <summary>
    /// Whether the screen still shows what this pane last drew at two places it always draws: the title's second cell (the
    /// pane number) and, with a neighbour on the left, the separator below it. Terminal.Gui sometimes clears the cells under
    /// views itself (a view shown or hidden over them, its own full redraws); when that happens in a frame in which this
    /// pane only meant to repaint the rows its program changed, the rest would stay blank (seen: separators gone for good
    /// while agents printed). Missing marks mean a full repaint.
    /// </summary>
    private bool MarksStillShown()
    {
        if (App?.Driver?.Contents is not { } contents || _lastDrawnFrame.IsEmpty || Frame.Width < 2 || Frame.Height < 2)
            return false;
        var origin = ViewportToScreen(Point.Empty);
        if (origin.Y < 0 || origin.Y + 1 >= contents.GetLength(0) || origin.X < 0 || origin.X + 1 >= contents.GetLength(1))
            return false;
        if (contents[origin.Y, origin.X + 1].Grapheme != _titleMark)
            return false;
        return !HasLeftEdge || contents[origin.Y + 1, origin.X].Grapheme == DriverCells.TextOf(_chrome.Separator);
    }

    private string _titleMark = "";

    private void DrawTitle(int width)
    {
        var exit = _linkNote is not null ? _linkNote
            : Screen is { StartFailed: true } ? "could not start"
            : Screen is { IsRunning: false, ExitText: { Length: > 0 } exitText } ? exitText
            : null;
        var text = Service is null
            ? PaneTitle.Compose(Number, Task, exit, width)
            : PaneTitle.ComposeService(Number, Task, Service, DateTimeOffset.UtcNow, width);
        if (_scrollOffset > 0)
            text = (text.TrimEnd() + $" · scroll -{_scrollOffset} ").PadRight(0);
        Move(0, 0);
        var attribute = _focused ? _chrome.TitleFocused : _chrome.Title;
        SetAttribute(attribute);
        var shown = _chrome.Text(text.Length > width ? text[..width] : text.PadRight(width));
        // A flooding pane's title is redrawn with every frame (its history count changes): not cell by cell through Terminal.Gui.
        if (DriverCells.AllNarrow(shown) && DriverCells.TryWrite(App?.Driver, ViewportToScreen(Point.Empty), shown, attribute))
            Move(shown.Length, 0);
        else
            AddStr(shown);
        _titleMark = shown.Length > 1 ? shown[1].ToString() : "";
        _hasLastAttribute = false;
    }

    private void DrawLeftEdge(int height)
    {
        if (!HasLeftEdge)
            return;
        SetAttribute(_focused ? _chrome.BorderFocused : _chrome.Border);
        for (var row = 1; row < height; row++)
        {
            Move(0, row);
            AddRune(_chrome.Separator);
        }
        _hasLastAttribute = false;
    }

    private void DrawPlaceholder(int width, int height)
    {
        SetAttribute(_chrome.Muted);
        var room = width - LeftEdgeWidth;
        var lines = Service is null ? PanePlaceholder.Lines(Task, room, RetryKeyText) : PanePlaceholder.ServiceLines(Task, Service);
        for (var row = 1; row < height; row++)
        {
            Move(LeftEdgeWidth, row);
            var text = row - 1 < lines.Count ? lines[row - 1] : "";
            AddStr(_chrome.Text(text.Length > room ? text[..room] : text.PadRight(room)));
        }
    }

    private void ClearBelow(int fromRow, int width, int height)
    {
        SetCellAttribute(default);
        for (var row = fromRow; row < height; row++)
            DrawBlanks(LeftEdgeWidth, row, width - LeftEdgeWidth);
    }

    protected override bool OnKeyDown(GuiKey key) => true;

    protected override bool OnMouseEvent(Mouse mouse)
    {
        if (Screen is not { } screen || mouse.Position is not { } position)
            return false;
        var column = position.X - LeftEdgeWidth;
        var row = position.Y - 1;
        var flags = mouse.Flags;
        if (screen.MouseWanted && row >= 0 && column >= 0)
        {
            // The program asked for the mouse: it gets it, as in any terminal (wheel included); the host encodes it.
            var translated = TranslateMouse(flags, column, row);
            if (translated is { } mouseEvent)
                MouseForProgram?.Invoke(this, mouseEvent);
            if (flags.HasFlag(MouseFlags.LeftButtonPressed))
                Clicked?.Invoke(this);
            return true;
        }
        if (flags.HasFlag(MouseFlags.WheeledUp))
        {
            ScrollOffset += 3;
            return true;
        }
        if (flags.HasFlag(MouseFlags.WheeledDown))
        {
            ScrollOffset -= 3;
            return true;
        }
        if (flags.HasFlag(MouseFlags.LeftButtonPressed) || flags.HasFlag(MouseFlags.LeftButtonClicked))
        {
            Clicked?.Invoke(this);
            return true;
        }
        return false;
    }

    private static TerminalMouseEvent? TranslateMouse(MouseFlags flags, int column, int row)
    {
        var modifiers = (flags.HasFlag(MouseFlags.Shift) ? KeyModifiers.Shift : 0)
            | (flags.HasFlag(MouseFlags.Alt) ? KeyModifiers.Alt : 0)
            | (flags.HasFlag(MouseFlags.Ctrl) ? KeyModifiers.Ctrl : 0);
        (MouseEventKind, MouseButton)? what =
            flags.HasFlag(MouseFlags.WheeledUp) ? (MouseEventKind.Press, MouseButton.WheelUp)
            : flags.HasFlag(MouseFlags.WheeledDown) ? (MouseEventKind.Press, MouseButton.WheelDown)
            : flags.HasFlag(MouseFlags.LeftButtonPressed) ? (MouseEventKind.Press, MouseButton.Left)
            : flags.HasFlag(MouseFlags.LeftButtonReleased) ? (MouseEventKind.Release, MouseButton.Left)
            : flags.HasFlag(MouseFlags.MiddleButtonPressed) ? (MouseEventKind.Press, MouseButton.Middle)
            : flags.HasFlag(MouseFlags.MiddleButtonReleased) ? (MouseEventKind.Release, MouseButton.Middle)
            : flags.HasFlag(MouseFlags.RightButtonPressed) ? (MouseEventKind.Press, MouseButton.Right)
            : flags.HasFlag(MouseFlags.RightButtonReleased) ? (MouseEventKind.Release, MouseButton.Right)
            : flags.HasFlag(MouseFlags.PositionReport) ? (MouseEventKind.Motion, MouseButton.None)
            : null;
        return what is { } w ? new TerminalMouseEvent(w.Item1, w.Item2, column, row, modifiers) : null;
    }
}

using FleetTui.Ui.Keys;
using FleetTui.Ui.Panes;
using FleetTui.Ui.Presentation;
using GuiKey = Terminal.Gui.Input.Key;

namespace FleetTui.Ui.Cockpit;

/// <summary>
/// Scroll mode, as tmux's copy mode: a cursor line moves through the focused pane's history (the view scrolls when it
/// reaches an edge), <c>v</c> starts a selection the cursor extends, <c>y</c> copies it (or the cursor's line) with wrapped
/// lines joined, <c>/</c> searches, <c>n</c>/<c>N</c> go to the older/newer match. History lives in the host: the view's
/// offset goes there, search and copy are requests. Lines are numbered from the oldest history line (0).
/// </summary>
public sealed partial class FleetApp
{
    private int _scrollCursor;
    private int? _selectionAnchor;

    private void EnterScrollMode()
    {
        if (_focused >= _panes.Count)
            return;
        _mode = CockpitMode.Scroll;
        // On the program's cursor line, as tmux's copy mode starts: the newest output is there, not at the bottom edge.
        var pane = _panes[_focused];
        _scrollCursor = pane.ContentSize.Height - 1;
        if (pane.Screen is { } screen)
            lock (screen.SyncRoot)
                _scrollCursor = Math.Min(_scrollCursor, screen.CursorRow);
        _selectionAnchor = null;
        _search = "";
        ShowScrollMarks(_panes[_focused]);
    }

    private void LeaveScrollMode(PaneView pane)
    {
        pane.ScrollOffset = 0;
        pane.Highlight = null;
        _selectionAnchor = null;
        _mode = CockpitMode.Normal;
    }

    /// <summary>The line number of the pane's first row in view: history above it, less how far it is scrolled back.</summary>
    private static int TopLine(PaneView pane)
    {
        var history = 0;
        if (pane.Screen is { } screen)
            lock (screen.SyncRoot)
                history = screen.HistoryCount;
        return Math.Max(0, history - pane.ScrollOffset);
    }

    private void ShowScrollMarks(PaneView pane)
    {
        var top = TopLine(pane);
        var cursorLine = top + _scrollCursor;
        var (first, last) = _selectionAnchor is { } anchor ? (Math.Min(anchor, cursorLine) - top, Math.Max(anchor, cursorLine) - top) : (-1, -2);
        pane.Highlight = new PaneHighlight(_scrollCursor, first, last, _search);
    }

    private bool HandleScrollKey(GuiKey key)
    {
        if (_focused >= _panes.Count)
            return true;
        var pane = _panes[_focused];
        var rows = pane.ContentSize.Height;
        var page = Math.Max(1, rows - 1);
        var chord = GuiKeyTranslator.ToChord(key);
        if (_mode == CockpitMode.Search)
        {
            switch (chord?.Key)
            {
                case "esc":
                    _mode = CockpitMode.Scroll;
                    _search = "";
                    break;
                case "enter":
                    _mode = CockpitMode.Scroll;
                    FindMatch(pane, newer: false);
                    break;
                case "backspace" when _search.Length > 0:
                    _search = _search[..^1];
                    break;
                default:
                    if (GuiKeyTranslator.ToKeyInput(key) is { Key: FleetTui.Terminal.Input.Key.Character } input)
                        _search += input.Character.ToString();
                    break;
            }
            ShowScrollMarks(pane);
            return true;
        }
        switch (chord?.Key)
        {
            case "up" or "k":
                if (_scrollCursor > 0)
                    _scrollCursor--;
                else
                    pane.ScrollOffset += 1;
                break;
            case "down" or "j":
                if (_scrollCursor < rows - 1)
                    _scrollCursor++;
                else
                    pane.ScrollOffset -= 1;
                break;
            case "pageup": pane.ScrollOffset += page; break;
            case "pagedown": pane.ScrollOffset -= page; break;
            case "home" or "g":
                pane.ScrollOffset = int.MaxValue;
                _scrollCursor = 0;
                break;
            case "end" or "G":
                pane.ScrollOffset = 0;
                _scrollCursor = rows - 1;
                break;
            case "v":
                _selectionAnchor = _selectionAnchor is null ? TopLine(pane) + _scrollCursor : null;
                break;
            case "/":
                _mode = CockpitMode.Search;
                _search = "";
                break;
            case "n":
                FindMatch(pane, newer: false);
                break;
            case "N":
                FindMatch(pane, newer: true);
                break;
            case "y":
                Copy(pane);
                break;
            case "q" or "esc":
                LeaveScrollMode(pane);
                return true;
        }
        _scrollCursor = Math.Clamp(_scrollCursor, 0, Math.Max(0, rows - 1));
        ShowScrollMarks(pane);
        return true;
    }

    /// <summary>Asks the host for the nearest match older (newer) than the cursor's line, and moves there, or says there is none.</summary>
    private void FindMatch(PaneView pane, bool newer)
    {
        if (_search.Length == 0)
            return;
        var from = TopLine(pane) + _scrollCursor;
        _session.FindLineAsync(pane.ScreenKey, _search, from, newer).ContinueWith(t => _app.Invoke(() =>
        {
            if (!_panes.Contains(pane) || _mode is not (CockpitMode.Scroll or CockpitMode.Search))
                return;
            if (!t.IsCompletedSuccessfully || t.Result is not { } line)
            {
                ShowStatusMessage($"no more matches for \"{_search}\" {(newer ? "below" : "above")}");
                return;
            }
            ShowLine(pane, line);
            ShowScrollMarks(pane);
        }), TaskScheduler.Default);
    }

    /// <summary>Puts the cursor on a line, scrolling it into view (to the top) when it is not shown.</summary>
    private void ShowLine(PaneView pane, int line)
    {
        var rows = pane.ContentSize.Height;
        var top = TopLine(pane);
        if (line < top || line >= top + rows)
        {
            var history = top + pane.ScrollOffset;
            pane.ScrollOffset = Math.Clamp(history - line, 0, history);
            top = TopLine(pane);
        }
        _scrollCursor = Math.Clamp(line - top, 0, Math.Max(0, rows - 1));
    }

    /// <summary>Copies the selection (or the cursor's line) to the outer terminal's clipboard (OSC 52), wrapped lines joined.</summary>
    private void Copy(PaneView pane)
    {
        var cursorLine = TopLine(pane) + _scrollCursor;
        var (first, last) = _selectionAnchor is { } anchor ? (Math.Min(anchor, cursorLine), Math.Max(anchor, cursorLine)) : (cursorLine, cursorLine);
        _selectionAnchor = null;
        _session.PaneLinesAsync(pane.ScreenKey, first, last).ContinueWith(t => _app.Invoke(() =>
        {
            if (!t.IsCompletedSuccessfully || t.Result.Count == 0)
            {
                ShowStatusMessage("nothing copied");
                return;
            }
            _writeToOuterTerminal(OuterTerminal.CopySequence(string.Join("\n", t.Result)));
            ShowStatusMessage($"copied {t.Result.Count} line{(t.Result.Count == 1 ? "" : "s")}");
        }), TaskScheduler.Default);
    }
}

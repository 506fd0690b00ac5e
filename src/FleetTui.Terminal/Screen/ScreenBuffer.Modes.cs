namespace FleetTui.Terminal.Screen;

public sealed partial class ScreenBuffer
{
    /// <summary>DECSTBM with 0-based inclusive rows; an invalid region (top not above bottom) is ignored. Homes the cursor.</summary>
    internal void SetScrollRegion(int top, int bottom)
    {
        top = Math.Clamp(top, 0, Rows - 1);
        bottom = Math.Clamp(bottom, 0, Rows - 1);
        if (top >= bottom)
            return;
        ScrollTop = top;
        ScrollBottom = bottom;
        MoveTo(0, 0);
    }

    /// <summary>DECSLRM (only while mode 69 is on), 0-based inclusive columns. Homes the cursor.</summary>
    internal void SetLeftRightMargins(int left, int right)
    {
        left = Math.Clamp(left, 0, Columns - 1);
        right = Math.Clamp(right, 0, Columns - 1);
        if (left >= right)
            return;
        LeftMargin = left;
        RightMargin = right;
        MoveTo(0, 0);
    }

    internal void ResetLeftRightMargins()
    {
        LeftMargin = 0;
        RightMargin = Columns - 1;
    }

    /// <summary>
    /// Modes 47, 1047, 1049: to the alternate screen, cleared on entry (as tmux does). 1049 saves the cursor on the
    /// main screen first and restores it on the way back.
    /// </summary>
    internal void EnterAlternateScreen(bool saveCursor)
    {
        if (_active == _alternate)
            return;
        if (saveCursor)
            SaveCursor();
        _active = _alternate;
        _alternate.Clear(EraseStyle);
        _alternate.Saved = null;
        Dirty.MarkAll();
    }

    internal void LeaveAlternateScreen(bool restoreCursor)
    {
        if (_active != _alternate)
            return;
        _active = _main;
        if (restoreCursor)
            RestoreCursor();
        Dirty.MarkAll();
    }

    /// <summary>RIS: everything back to power-on, history included.</summary>
    internal void Reset()
    {
        _active = _main;
        _main.Clear(default);
        _alternate.Clear(default);
        _main.Saved = null;
        _alternate.Saved = null;
        Scrollback.Clear();
        Graphemes.Clear();
        Cursor.Reset();
        Modes.Reset();
        ScrollTop = 0;
        ScrollBottom = Rows - 1;
        ResetLeftRightMargins();
        _tabStops = DefaultTabStops(Columns);
        Title = "";
        WorkingDirectory = null;
        Dirty.MarkAll();
    }

    /// <summary>DECSTR: modes, margins, pen and saved cursor reset; the screen and cursor position stay.</summary>
    internal void SoftReset()
    {
        Modes.Insert = false;
        Modes.Origin = false;
        Modes.AutoWrap = true;
        Modes.CursorVisible = true;
        Modes.ApplicationCursorKeys = false;
        Modes.ApplicationKeypad = false;
        Modes.LeftRightMarginMode = false;
        ScrollTop = 0;
        ScrollBottom = Rows - 1;
        ResetLeftRightMargins();
        Cursor.Pen = default;
        Cursor.Charsets = default;
        Cursor.PendingWrap = false;
        _active.Saved = null;
    }

    /// <summary>Sets a private mode's effect on the screen itself (the handler keeps the rest).</summary>
    internal void SetOrigin(bool on)
    {
        Modes.Origin = on;
        MoveTo(0, 0);
    }
}

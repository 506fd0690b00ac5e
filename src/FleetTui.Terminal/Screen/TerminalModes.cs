namespace FleetTui.Terminal.Screen;

/// <summary>
/// Modes set by SM/RM and DECSET/DECRST. The key encoder reads the input-related ones
/// (<see cref="ApplicationCursorKeys"/>, <see cref="BracketedPaste"/>, mouse, focus, <see cref="KittyKeyboardFlags"/>).
/// </summary>
public sealed class TerminalModes
{
    /// <summary>DECCKM (mode 1): arrows send <c>ESC O A</c> instead of <c>ESC [ A</c>.</summary>
    public bool ApplicationCursorKeys { get; internal set; }

    /// <summary>DECBKM (mode 67): the backarrow key sends BS instead of DEL.</summary>
    public bool BackarrowSendsBackspace { get; internal set; }

    /// <summary>DECKPAM / DECKPNM (<c>ESC =</c>, <c>ESC &gt;</c>).</summary>
    public bool ApplicationKeypad { get; internal set; }

    /// <summary>DECSCNM (mode 5): the whole screen drawn in reverse video.</summary>
    public bool ReverseVideo { get; internal set; }

    /// <summary>DECOM (mode 6): cursor addressing relative to the scroll region.</summary>
    public bool Origin { get; internal set; }

    /// <summary>DECAWM (mode 7), on by default.</summary>
    public bool AutoWrap { get; internal set; } = true;

    /// <summary>DECTCEM (mode 25), on by default.</summary>
    public bool CursorVisible { get; internal set; } = true;

    /// <summary>IRM (ANSI mode 4): printing shifts the rest of the line right.</summary>
    public bool Insert { get; internal set; }

    /// <summary>LNM (ANSI mode 20): LF also returns the carriage; Enter should send CR LF.</summary>
    public bool LineFeedNewLine { get; internal set; }

    /// <summary>Mode 69: DECSLRM left/right margins may be set.</summary>
    public bool LeftRightMarginMode { get; internal set; }

    public MouseTracking MouseTracking { get; internal set; }

    public MouseEncoding MouseEncoding { get; internal set; }

    /// <summary>Mode 1004: send <c>ESC [ I</c> / <c>ESC [ O</c> on focus in and out.</summary>
    public bool FocusEvents { get; internal set; }

    /// <summary>Mode 1007: on the alternate screen the wheel sends arrow keys.</summary>
    public bool AlternateScroll { get; internal set; }

    /// <summary>Mode 2004: pasted text is wrapped in <c>ESC [200~</c> .. <c>ESC [201~</c>.</summary>
    public bool BracketedPaste { get; internal set; }

    /// <summary>Mode 2026: the program is between the start and end of a frame.</summary>
    public bool SynchronizedOutput { get; internal set; }

    /// <summary>Mode 2027: grapheme clustering acknowledged (we always cluster combining marks).</summary>
    public bool GraphemeClustering { get; internal set; }

    /// <summary>The kitty keyboard protocol flags in force (<c>CSI = / &gt; / &lt; u</c>); 0 = legacy keys.</summary>
    public int KittyKeyboardFlags { get; internal set; }

    internal void Reset()
    {
        ApplicationCursorKeys = false;
        BackarrowSendsBackspace = false;
        ApplicationKeypad = false;
        ReverseVideo = false;
        Origin = false;
        AutoWrap = true;
        CursorVisible = true;
        Insert = false;
        LineFeedNewLine = false;
        LeftRightMarginMode = false;
        MouseTracking = MouseTracking.None;
        MouseEncoding = MouseEncoding.Default;
        FocusEvents = false;
        AlternateScroll = false;
        BracketedPaste = false;
        SynchronizedOutput = false;
        GraphemeClustering = false;
        KittyKeyboardFlags = 0;
    }
}

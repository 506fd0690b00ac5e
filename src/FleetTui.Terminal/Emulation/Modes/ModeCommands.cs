using FleetTui.Terminal.Emulation.Csi;
using FleetTui.Terminal.Parsing;
using FleetTui.Terminal.Screen;

namespace FleetTui.Terminal.Emulation.Modes;

/// <summary>SM / RM (ANSI modes 4, 20), DECSET / DECRST (private modes), and DECRQM reports for both.</summary>
internal static class ModeCommands
{
    public static void Register(CsiDispatchTable table)
    {
        table.Register('h', (t, p) => SetAnsi(t, p, true));
        table.Register('l', (t, p) => SetAnsi(t, p, false));
        table.Register('h', (t, p) => SetPrivate(t, p, true), '?');
        table.Register('l', (t, p) => SetPrivate(t, p, false), '?');
        table.Register('p', (t, p) => ReportAnsi(t, p.Value(0, 0)), intermediate: '$');
        table.Register('p', (t, p) => ReportPrivate(t, p.Value(0, 0)), '?', '$');
    }

    private static void SetAnsi(TerminalHandler t, VtParams p, bool on)
    {
        for (var i = 0; i < p.Count; i++)
        {
            switch (p.Value(i, 0))
            {
                case 4: t.Screen.Modes.Insert = on; break;
                case 20: t.Screen.Modes.LineFeedNewLine = on; break;
            }
        }
    }

    private static void SetPrivate(TerminalHandler t, VtParams p, bool on)
    {
        for (var i = 0; i < p.Count; i++)
            SetPrivateMode(t, p.Value(i, 0), on);
    }

    internal static void SetPrivateMode(TerminalHandler t, int mode, bool on)
    {
        var screen = t.Screen;
        var modes = screen.Modes;
        switch (mode)
        {
            case 1: modes.ApplicationCursorKeys = on; break;
            case 67: modes.BackarrowSendsBackspace = on; break;
            case 5:
                modes.ReverseVideo = on;
                screen.Dirty.MarkAll();
                break;
            case 6: screen.SetOrigin(on); break;
            case 7: modes.AutoWrap = on; break;
            case 9: modes.MouseTracking = on ? MouseTracking.X10 : MouseTracking.None; break;
            case 12: screen.Cursor.Blinking = on; break;
            case 25: modes.CursorVisible = on; break;
            case 47:
            case 1047:
                if (on) screen.EnterAlternateScreen(saveCursor: false);
                else screen.LeaveAlternateScreen(restoreCursor: false);
                break;
            case 1048:
                if (on) screen.SaveCursor();
                else screen.RestoreCursor();
                break;
            case 1049:
                if (on) screen.EnterAlternateScreen(saveCursor: true);
                else screen.LeaveAlternateScreen(restoreCursor: true);
                break;
            case 69:
                modes.LeftRightMarginMode = on;
                if (!on) screen.ResetLeftRightMargins();
                break;
            case 1000: modes.MouseTracking = on ? MouseTracking.Normal : MouseTracking.None; break;
            case 1002: modes.MouseTracking = on ? MouseTracking.ButtonEvent : MouseTracking.None; break;
            case 1003: modes.MouseTracking = on ? MouseTracking.AnyEvent : MouseTracking.None; break;
            case 1004: modes.FocusEvents = on; break;
            case 1005: SetEncoding(modes, MouseEncoding.Utf8, on); break;
            case 1006: SetEncoding(modes, MouseEncoding.Sgr, on); break;
            case 1016: SetEncoding(modes, MouseEncoding.SgrPixels, on); break;
            case 1015: SetEncoding(modes, MouseEncoding.Urxvt, on); break;
            case 1007: modes.AlternateScroll = on; break;
            case 2004: modes.BracketedPaste = on; break;
            case 2026: t.SetSynchronizedOutput(on); break;
            case 2027: modes.GraphemeClustering = on; break;
        }
    }

    private static void SetEncoding(TerminalModes modes, MouseEncoding encoding, bool on)
    {
        if (on)
            modes.MouseEncoding = encoding;
        else if (modes.MouseEncoding == encoding)
            modes.MouseEncoding = MouseEncoding.Default;
    }

    /// <summary>DECRPM value: 1 set, 2 reset, 0 not recognised (4 permanently reset).</summary>
    internal static int PrivateModeState(TerminalHandler t, int mode)
    {
        var screen = t.Screen;
        var m = screen.Modes;
        bool? state = mode switch
        {
            1 => m.ApplicationCursorKeys,
            67 => m.BackarrowSendsBackspace,
            5 => m.ReverseVideo,
            6 => m.Origin,
            7 => m.AutoWrap,
            9 => m.MouseTracking == MouseTracking.X10,
            12 => screen.Cursor.Blinking,
            25 => m.CursorVisible,
            47 or 1047 or 1049 => screen.IsAlternateScreen,
            69 => m.LeftRightMarginMode,
            1000 => m.MouseTracking == MouseTracking.Normal,
            1002 => m.MouseTracking == MouseTracking.ButtonEvent,
            1003 => m.MouseTracking == MouseTracking.AnyEvent,
            1004 => m.FocusEvents,
            1005 => m.MouseEncoding == MouseEncoding.Utf8,
            1006 => m.MouseEncoding == MouseEncoding.Sgr,
            1016 => m.MouseEncoding == MouseEncoding.SgrPixels,
            1015 => m.MouseEncoding == MouseEncoding.Urxvt,
            1007 => m.AlternateScroll,
            1048 => false,
            2004 => m.BracketedPaste,
            2026 => m.SynchronizedOutput,
            2027 => m.GraphemeClustering,
            _ => null,
        };
        return state switch { true => 1, false => 2, null => 0 };
    }

    private static void ReportPrivate(TerminalHandler t, int mode) =>
        t.Reply($"\e[?{mode};{PrivateModeState(t, mode)}$y");

    private static void ReportAnsi(TerminalHandler t, int mode)
    {
        var state = mode switch
        {
            4 => t.Screen.Modes.Insert ? 1 : 2,
            20 => t.Screen.Modes.LineFeedNewLine ? 1 : 2,
            _ => 0,
        };
        t.Reply($"\e[{mode};{state}$y");
    }
}

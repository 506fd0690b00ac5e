using FleetTui.Terminal.Parsing;

namespace FleetTui.Terminal.Emulation.Csi;

/// <summary>
/// Answers to the probes agents send at start: DA1, DA2, DSR 5 / 6 (CPR), XTVERSION, window size (XTWINOPS 18).
/// Programs that get no answer wait, then fall back to a degraded mode.
/// </summary>
internal static class ReportCommands
{
    /// <summary>The name and version XTVERSION reports.</summary>
    public const string Version = "FleetTui(0.1)";

    public static void Register(CsiDispatchTable table)
    {
        // VT220 class with ANSI color (22), as modern xterm-compatible terminals answer.
        table.Register('c', (t, p) =>
        {
            if (p.Value(0, 0) == 0)
                t.Reply("\e[?62;22c");
        });
        table.Register('c', (t, p) =>
        {
            if (p.Value(0, 0) == 0)
                t.Reply("\e[>1;10;0c");
        }, '>');
        table.Register('n', StatusReport);
        table.Register('n', (t, p) =>
        {
            if (p.Value(0, 0) == 6)
                t.Reply($"\e[?{CursorRow(t)};{t.Screen.Cursor.Column + 1}R");
        }, '?');
        table.Register('q', (t, p) =>
        {
            if (p.Value(0, 0) == 0)
                t.Reply($"\eP>|{Version}\e\\");
        }, '>');
        table.Register('t', WindowOps);
        table.Register('p', (t, _) => t.Screen.SoftReset(), intermediate: '!');
    }

    private static void StatusReport(TerminalHandler t, VtParams p)
    {
        switch (p.Value(0, 0))
        {
            case 5:
                t.Reply("\e[0n");
                break;
            case 6:
                t.Reply($"\e[{CursorRow(t)};{t.Screen.Cursor.Column + 1}R");
                break;
        }
    }

    /// <summary>The cursor row as CPR reports it: relative to the scroll region in origin mode.</summary>
    private static int CursorRow(TerminalHandler t) =>
        t.Screen.Cursor.Row + 1 - (t.Screen.Modes.Origin ? t.Screen.ScrollTop : 0);

    /// <summary>Only the text-area size report (18); resizing and moving the window are not ours to do.</summary>
    private static void WindowOps(TerminalHandler t, VtParams p)
    {
        if (p.Value(0, 0) == 18)
            t.Reply($"\e[8;{t.Screen.Rows};{t.Screen.Columns}t");
    }
}

using FleetTui.Terminal.Parsing;

namespace FleetTui.Terminal.Emulation.Csi;

/// <summary>Erasing, inserting, deleting and scrolling: ED EL ECH ICH DCH IL DL SU SD REP DECSTBM.</summary>
internal static class EditCommands
{
    public static void Register(CsiDispatchTable table)
    {
        table.Register('J', (t, p) => t.Screen.EraseInDisplay(p.Value(0, 0)));
        table.Register('J', (t, p) => t.Screen.EraseInDisplay(p.Value(0, 0)), '?');
        table.Register('K', (t, p) => t.Screen.EraseInLine(p.Value(0, 0)));
        table.Register('K', (t, p) => t.Screen.EraseInLine(p.Value(0, 0)), '?');
        table.Register('X', (t, p) => t.Screen.EraseCharacters(p.NonZero(0, 1)));
        table.Register('@', (t, p) => t.Screen.InsertCharacters(p.NonZero(0, 1)));
        table.Register('P', (t, p) => t.Screen.DeleteCharacters(p.NonZero(0, 1)));
        table.Register('L', (t, p) => t.Screen.InsertLines(p.NonZero(0, 1)));
        table.Register('M', (t, p) => t.Screen.DeleteLines(p.NonZero(0, 1)));
        table.Register('S', (t, p) => t.Screen.ScrollRegionUp(p.NonZero(0, 1)));
        table.Register('T', ScrollDown);
        table.Register('b', Repeat);
        table.Register('r', (t, p) => t.Screen.SetScrollRegion(p.NonZero(0, 1) - 1, p.NonZero(1, t.Screen.Rows) - 1));
    }

    /// <summary>SD; with more than one parameter it is xterm's mouse highlight tracking, which we ignore.</summary>
    private static void ScrollDown(TerminalHandler t, VtParams p)
    {
        if (p.Count <= 1)
            t.Screen.ScrollRegionDown(p.NonZero(0, 1));
    }

    /// <summary>
    /// REP: the last printed character again, at most a line's worth: ncurses only repeats within a line, and the cap
    /// keeps a flood of <c>CSI 65535 b</c> from costing a screenful of writes per 8 bytes of input.
    /// </summary>
    private static void Repeat(TerminalHandler t, VtParams p)
    {
        var last = t.Screen.LastPrinted;
        if (last == 0)
            return;
        var count = Math.Min(p.NonZero(0, 1), t.Screen.Columns);
        Span<int> run = stackalloc int[256];
        run.Fill(last);
        while (count > 0)
        {
            var n = Math.Min(count, run.Length);
            t.Screen.Print(run[..n]);
            count -= n;
        }
    }
}

using FleetTui.Terminal.Parsing;

namespace FleetTui.Terminal.Emulation.Csi;

/// <summary>Cursor movement: CUU CUD CUF CUB CNL CPL CHA HPA HPR CUP HVP VPA VPR CHT CBT.</summary>
internal static class CursorCommands
{
    public static void Register(CsiDispatchTable table)
    {
        table.Register('A', (t, p) => t.Screen.MoveUp(p.NonZero(0, 1)));
        table.Register('B', (t, p) => t.Screen.MoveDown(p.NonZero(0, 1)));
        table.Register('e', (t, p) => t.Screen.MoveDown(p.NonZero(0, 1)));
        table.Register('C', (t, p) => t.Screen.MoveRight(p.NonZero(0, 1)));
        table.Register('a', (t, p) => t.Screen.MoveRight(p.NonZero(0, 1)));
        table.Register('D', (t, p) => t.Screen.MoveLeft(p.NonZero(0, 1)));
        table.Register('E', (t, p) =>
        {
            t.Screen.MoveDown(p.NonZero(0, 1));
            t.Screen.CarriageReturn();
        });
        table.Register('F', (t, p) =>
        {
            t.Screen.MoveUp(p.NonZero(0, 1));
            t.Screen.CarriageReturn();
        });
        table.Register('G', (t, p) => t.Screen.MoveToColumn(p.NonZero(0, 1) - 1));
        table.Register('`', (t, p) => t.Screen.MoveToColumn(p.NonZero(0, 1) - 1));
        table.Register('H', Position);
        table.Register('f', Position);
        table.Register('d', (t, p) => t.Screen.MoveToRow(p.NonZero(0, 1) - 1));
        table.Register('I', (t, p) => t.Screen.TabForward(p.NonZero(0, 1)));
        table.Register('Z', (t, p) => t.Screen.TabBackward(p.NonZero(0, 1)));
        table.Register('g', (t, p) => t.Screen.ClearTabStops(p.Value(0, 0)));
        table.Register('s', SaveOrMargins);
        table.Register('u', (t, _) => t.Screen.RestoreCursor());
        table.Register('q', Shape, intermediate: ' ');
    }

    private static void Position(TerminalHandler t, VtParams p) => t.Screen.MoveTo(p.NonZero(0, 1) - 1, p.NonZero(1, 1) - 1);

    /// <summary><c>CSI s</c> is SCOSC, except in left/right margin mode where it is DECSLRM.</summary>
    private static void SaveOrMargins(TerminalHandler t, VtParams p)
    {
        if (t.Screen.Modes.LeftRightMarginMode)
            t.Screen.SetLeftRightMargins(p.NonZero(0, 1) - 1, p.NonZero(1, t.Screen.Columns) - 1);
        else
            t.Screen.SaveCursor();
    }

    /// <summary>DECSCUSR: 0/1 blinking block, 2 block, 3/4 underline, 5/6 bar.</summary>
    private static void Shape(TerminalHandler t, VtParams p)
    {
        var ps = p.Value(0, 0);
        var cursor = t.Screen.Cursor;
        cursor.Shape = ps switch
        {
            0 => Screen.CursorShape.Default,
            1 or 2 => Screen.CursorShape.Block,
            3 or 4 => Screen.CursorShape.Underline,
            5 or 6 => Screen.CursorShape.Bar,
            _ => cursor.Shape,
        };
        cursor.Blinking = ps is 0 or 1 or 3 or 5;
    }
}

using FleetTui.Terminal.Parsing;

namespace FleetTui.Terminal.Emulation.Csi;

/// <summary>
/// The kitty keyboard protocol's flag stack: <c>CSI ? u</c> query, <c>CSI &gt; flags u</c> push, <c>CSI &lt; n u</c> pop,
/// <c>CSI = flags ; mode u</c> set. The stack is bounded (as kitty's is); the key encoder reads the flags in force.
/// </summary>
internal static class KittyKeyboardCommands
{
    public static void Register(CsiDispatchTable table)
    {
        table.Register('u', (t, _) => t.Reply($"\e[?{t.Screen.Modes.KittyKeyboardFlags}u"), '?');
        table.Register('u', (t, p) => t.KittyFlags.Push(p.Value(0, 0)), '>');
        table.Register('u', (t, p) => t.KittyFlags.Pop(p.NonZero(0, 1)), '<');
        table.Register('u', (t, p) => t.KittyFlags.Set(p.Value(0, 0), p.NonZero(1, 1)), '=');
    }
}

using FleetTui.Terminal.Parsing;
using FleetTui.Terminal.Screen;

namespace FleetTui.Terminal.Emulation.Esc;

/// <summary>ESC sequences: DECSC DECRC IND NEL HTS RI RIS DECKPAM DECKPNM DECALN and SCS charset designation.</summary>
internal static class EscCommands
{
    public static void Dispatch(TerminalHandler t, VtCollected collected, byte final)
    {
        var screen = t.Screen;
        if (collected.First == 0)
        {
            switch ((char)final)
            {
                case '7': screen.SaveCursor(); break;
                case '8': screen.RestoreCursor(); break;
                case 'D': screen.LineFeedCore(); break;
                case 'E': screen.NextLine(); break;
                case 'H': screen.SetTabStop(); break;
                case 'M': screen.ReverseIndex(); break;
                case 'c': t.FullReset(); break;
                case '=': screen.Modes.ApplicationKeypad = true; break;
                case '>': screen.Modes.ApplicationKeypad = false; break;
            }

            return;
        }

        switch ((char)collected.First)
        {
            case '#' when final == '8':
                screen.AlignmentTest();
                break;
            case '(':
                screen.Cursor.Charsets = screen.Cursor.Charsets with { G0 = CharsetOf(final) };
                break;
            case ')':
                screen.Cursor.Charsets = screen.Cursor.Charsets with { G1 = CharsetOf(final) };
                break;
        }
    }

    private static Charset CharsetOf(byte final) => (char)final switch
    {
        '0' => Charset.DecSpecialGraphics,
        'A' => Charset.British,
        _ => Charset.Ascii,
    };
}

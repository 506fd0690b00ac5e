using System.Text;
using FleetTui.Terminal.Emulation;
using FleetTui.Terminal.Parsing;
using FleetTui.Terminal.Screen;
using FleetTui.Terminal.Tests.Parsing;
using Shouldly;
using Xunit;

namespace FleetTui.Terminal.Tests.Emulation;

/// <summary>
/// SGR-heavy streams through the whole emulator: fed whole (CSI sequences read in one go, SGR applied with the pen in
/// locals) they must leave the screen, cell by cell with its style, as fed byte by byte (the general state machine);
/// and every SGR must change the pen as <see cref="ReferenceSgr"/>, a plain transcription of the rules one code at a
/// time, says.
/// </summary>
public class SgrFastPathTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Random_sgr_streams_leave_the_screen_byte_by_byte_feeding_leaves(int seed)
    {
        var random = new Random(seed);
        for (var stream = 0; stream < 60; stream++)
        {
            var columns = random.Next(1, 30);
            var rows = random.Next(1, 6);
            var bytes = Encoding.UTF8.GetBytes(RandomSgrStream(random));
            var whole = new VirtualTerminal(columns, rows, scrollbackLimit: 20);
            whole.Feed(bytes);
            var bytewise = new VirtualTerminal(columns, rows, scrollbackLimit: 20);
            foreach (var b in bytes)
                bytewise.Feed([b]);
            ScreenComparison.ShouldMatch(whole.Screen, bytewise.Screen, Encoding.UTF8.GetString(bytes));
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Every_sgr_changes_the_pen_as_the_reference_says(int seed)
    {
        var random = new Random(seed);
        for (var stream = 0; stream < 200; stream++)
        {
            var checking = new CheckingHandler(new ScreenBuffer(20, 4, 10));
            var parser = new VtParser(checking);
            var text = random.Next(2) == 0 ? RandomSgrStream(random) : CsiFastPathTests.RandomCsiStream(random);
            parser.Advance(Encoding.UTF8.GetBytes(text));
            checking.Failures.ShouldBeEmpty(text.Replace("\e", "\\e", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Colon_and_semicolon_forms_after_one_another()
    {
        var t = new TestTerminal(8, 1).Feed("\e[4:3;38:2::1:2:3ma\e[38;5;9;4mb\e[58:2::7:8:9;21mc\e[0;38:5:200md");
        var line = t.Screen.GetLine(0);
        line[0].Style.ShouldBe(new CellStyle(TerminalColor.Rgb(1, 2, 3), default, default, CellFlags.None, UnderlineStyle.Curly, 0));
        line[1].Style.ShouldBe(new CellStyle(TerminalColor.Indexed(9), default, default, CellFlags.None, UnderlineStyle.Single, 0));
        line[2].Style.ShouldBe(new CellStyle(TerminalColor.Indexed(9), default, TerminalColor.Rgb(7, 8, 9), CellFlags.None, UnderlineStyle.Double, 0));
        line[3].Style.ShouldBe(new CellStyle(TerminalColor.Indexed(200), default, default, CellFlags.None, UnderlineStyle.None, 0));
    }

    [Fact]
    public void Values_over_the_limit_saturate_and_do_not_pick_a_color()
    {
        // 65536 and more read as 65535: no SGR code, and as a palette index it clamps to 255.
        var t = new TestTerminal(4, 1).Feed("\e[1;65536ma\e[38;5;70000mb\e[48;2;300;99999;-1mc");
        var line = t.Screen.GetLine(0);
        line[0].Style.ShouldBe(new CellStyle(default, default, default, CellFlags.Bold, UnderlineStyle.None, 0));
        line[1].Style.Foreground.ShouldBe(TerminalColor.Indexed(255));
        // "-1" is not a parameter: the '-' (an intermediate) makes the sequence one nobody handles.
        line[2].Style.Background.ShouldBe(TerminalColor.Default);
    }

    [Fact]
    public void An_sgr_alone_leaves_the_frame_unchanged_and_printing_after_it_marks_the_row()
    {
        var t = new TestTerminal(4, 2);
        var frame = new DirtyRowSet(2);
        t.Terminal.TakeFrame(frame);
        var version = t.Terminal.Version;
        t.Terminal.Feed("\e[1;31m"u8);
        t.Terminal.TakeFrame(frame).ShouldBeFalse();
        t.Terminal.Version.ShouldBe(version);
        t.Terminal.Feed("\e[2;1Hx"u8);
        t.Terminal.TakeFrame(frame).ShouldBeTrue();
        frame.IsDirty(1).ShouldBeTrue();
        t.Screen.GetLine(1)[0].Style.Has(CellFlags.Bold).ShouldBeTrue();
    }

    /// <summary>Words in random SGRs of every form, line ends, some cursor moves and erases.</summary>
    private static string RandomSgrStream(Random random)
    {
        string[] sgrs =
        [
            "0", "", "1", "2", "3", "4", "4:0", "4:3", "4:5", "4:9", "5", "7", "8", "9", "21", "22", "23", "24", "27", "29",
            "31", "37", "39", "42", "49", "53", "55", "59", "91", "107", "38;5;196", "48;5;17", "38;2;1;2;3", "48;2;255;0;128",
            "38:5:33", "48:2::9:8:7", "38:2:4:5:6", "58:2::1:1:1", "58;5;3", "38;5", "48;2;1;2", "38;7;1", "38:", "65535",
            "99999", ";", "1;;4", "38;5;300", "48;2;400;500;600",
        ];
        string[] words = ["alpha", "b", "中文", "e\u0301", "0123456789012345678901234567890123", " ", "✔"];
        var sb = new StringBuilder();
        var count = random.Next(5, 80);
        for (var i = 0; i < count; i++)
        {
            switch (random.Next(10))
            {
                case 0: sb.Append("\r\n"); break;
                case 1: sb.Append("\e[K"); break;
                case 2: sb.Append("\e[").Append(random.Next(1, 6)).Append(';').Append(random.Next(1, 30)).Append('H'); break;
                case 3: sb.Append(words[random.Next(words.Length)]); break;
                default:
                    sb.Append("\e[");
                    var codes = random.Next(1, 4);
                    for (var c = 0; c < codes; c++)
                    {
                        if (c > 0)
                            sb.Append(';');
                        sb.Append(sgrs[random.Next(sgrs.Length)]);
                    }

                    sb.Append('m').Append(words[random.Next(words.Length)]);
                    break;
            }
        }

        return sb.ToString();
    }

    /// <summary>A terminal handler that checks each SGR's effect on the pen against <see cref="ReferenceSgr"/>.</summary>
    private sealed class CheckingHandler(ScreenBuffer screen) : IVtHandler
    {
        private readonly TerminalHandler _inner = new(screen);

        public List<string> Failures { get; } = [];

        public void Print(ReadOnlySpan<int> codePoints) => _inner.Print(codePoints);

        public void PrintAscii(ReadOnlySpan<byte> text) => _inner.PrintAscii(text);

        public void Execute(byte control) => _inner.Execute(control);

        public void CsiDispatch(VtParams parameters, VtCollected collected, byte final)
        {
            var isSgr = final == (byte)'m' && collected.Key == 0;
            var expected = isSgr ? ReferenceSgr.Apply(screen.Cursor.Pen, parameters) : default;
            var sequence = parameters.ToString();
            _inner.CsiDispatch(parameters, collected, final);
            if (isSgr && screen.Cursor.Pen != expected)
                Failures.Add($"CSI {sequence} m: {screen.Cursor.Pen}, expected {expected}");
        }

        public void EscDispatch(VtCollected collected, byte final) => _inner.EscDispatch(collected, final);

        public void OscDispatch(ReadOnlySpan<byte> payload) => _inner.OscDispatch(payload);

        public void DcsHook(VtParams parameters, VtCollected collected, byte final) => _inner.DcsHook(parameters, collected, final);

        public void DcsPut(ReadOnlySpan<byte> data) => _inner.DcsPut(data);

        public void DcsUnhook() => _inner.DcsUnhook();
    }

    /// <summary>
    /// SGR one code at a time on a whole style, through VtParams' public accessors only (xterm's rules: omitted reads as
    /// 0; 38/48/58 take 5;n or 2;r;g;b, or their ':' forms; an unknown or truncated color form ends the sequence).
    /// </summary>
    private static class ReferenceSgr
    {
        public static CellStyle Apply(CellStyle pen, VtParams p)
        {
            if (p.Count == 0)
                return new CellStyle { HyperlinkId = pen.HyperlinkId };
            for (var i = 0; i < p.Count; i++)
            {
                var code = p.Value(i, 0);
                switch (code)
                {
                    case 0: pen = new CellStyle { HyperlinkId = pen.HyperlinkId }; break;
                    case 1: pen = pen.With(CellFlags.Bold, true); break;
                    case 2: pen = pen.With(CellFlags.Dim, true); break;
                    case 3: pen = pen.With(CellFlags.Italic, true); break;
                    case 4:
                        var style = p.HasSubParams(i) ? p.SubParams(i)[0] : 1;
                        pen = pen with { Underline = style is >= 0 and <= 5 ? (UnderlineStyle)style : UnderlineStyle.Single };
                        break;
                    case 5 or 6: pen = pen.With(CellFlags.Blink, true); break;
                    case 7: pen = pen.With(CellFlags.Inverse, true); break;
                    case 8: pen = pen.With(CellFlags.Hidden, true); break;
                    case 9: pen = pen.With(CellFlags.Strikethrough, true); break;
                    case 21: pen = pen with { Underline = UnderlineStyle.Double }; break;
                    case 22: pen = pen.With(CellFlags.Bold, false).With(CellFlags.Dim, false); break;
                    case 23: pen = pen.With(CellFlags.Italic, false); break;
                    case 24: pen = pen with { Underline = UnderlineStyle.None }; break;
                    case 25: pen = pen.With(CellFlags.Blink, false); break;
                    case 27: pen = pen.With(CellFlags.Inverse, false); break;
                    case 28: pen = pen.With(CellFlags.Hidden, false); break;
                    case 29: pen = pen.With(CellFlags.Strikethrough, false); break;
                    case >= 30 and <= 37: pen = pen with { Foreground = TerminalColor.Indexed(code - 30) }; break;
                    case 38: pen = pen with { Foreground = Color(p, ref i, pen.Foreground) }; break;
                    case 39: pen = pen with { Foreground = default }; break;
                    case >= 40 and <= 47: pen = pen with { Background = TerminalColor.Indexed(code - 40) }; break;
                    case 48: pen = pen with { Background = Color(p, ref i, pen.Background) }; break;
                    case 49: pen = pen with { Background = default }; break;
                    case 53: pen = pen.With(CellFlags.Overline, true); break;
                    case 55: pen = pen.With(CellFlags.Overline, false); break;
                    case 58: pen = pen with { UnderlineColor = Color(p, ref i, pen.UnderlineColor) }; break;
                    case 59: pen = pen with { UnderlineColor = default }; break;
                    case >= 90 and <= 97: pen = pen with { Foreground = TerminalColor.Indexed(code - 82) }; break;
                    case >= 100 and <= 107: pen = pen with { Background = TerminalColor.Indexed(code - 92) }; break;
                }
            }

            return pen;
        }

        private static TerminalColor Color(VtParams p, ref int i, TerminalColor current)
        {
            if (p.HasSubParams(i))
            {
                var sub = p.SubParams(i);
                if (sub[0] == 5 && sub.Length >= 2 && sub[1] >= 0)
                    return TerminalColor.Indexed(Math.Min(255, sub[1]));
                if (sub[0] == 2 && sub.Length >= 5)
                    return Rgb(sub[2], sub[3], sub[4]);
                if (sub[0] == 2 && sub.Length == 4)
                    return Rgb(sub[1], sub[2], sub[3]);
                return current;
            }

            var form = p.Value(i + 1, -1);
            var needed = form switch { 5 => 2, 2 => 4, _ => int.MaxValue };
            if (needed == int.MaxValue || i + needed >= p.Count)
            {
                i = p.Count;
                return current;
            }

            var color = form == 5
                ? TerminalColor.Indexed(Math.Min(255, p.Value(i + 2, 0)))
                : Rgb(p.Value(i + 2, 0), p.Value(i + 3, 0), p.Value(i + 4, 0));
            i += needed;
            return color;
        }

        private static TerminalColor Rgb(int r, int g, int b) =>
            TerminalColor.Rgb(Math.Clamp(r, 0, 255), Math.Clamp(g, 0, 255), Math.Clamp(b, 0, 255));
    }
}

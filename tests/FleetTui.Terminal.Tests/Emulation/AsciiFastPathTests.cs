using System.Text;
using FleetTui.Terminal.Emulation;
using FleetTui.Terminal.Parsing;
using FleetTui.Terminal.Screen;
using Shouldly;
using Xunit;

namespace FleetTui.Terminal.Tests.Emulation;

/// <summary>
/// Printable ASCII reaches the screen as bytes (<see cref="IVtHandler.PrintAscii"/> → <c>ScreenBuffer.PrintAscii</c>), a
/// row's worth at a time. These pin its edges, and check it against the general path (code points, one at a time through
/// <c>ScreenBuffer.Print</c>) on random streams: every cell, style, wrap flag, the cursor and the history must match.
/// </summary>
public class AsciiFastPathTests
{
    [Fact]
    public void A_run_that_fills_the_row_exactly_leaves_a_pending_wrap()
    {
        var t = new TestTerminal(5, 3).Feed("abcde");
        t.CursorPosition.ShouldBe((0, 4));
        t.Screen.Cursor.PendingWrap.ShouldBeTrue();
        t.Screen.GetLine(0).Wrapped.ShouldBeFalse();
        t.Feed("fghijkl");
        t.Text.ShouldBe("abcde|fghij|kl");
        t.Screen.GetLine(0).Wrapped.ShouldBeTrue();
        t.Screen.GetLine(1).Wrapped.ShouldBeTrue();
        t.CursorPosition.ShouldBe((2, 2));
    }

    [Fact]
    public void A_run_longer_than_the_screen_scrolls_into_history()
    {
        var t = new TestTerminal(4, 2).Feed("abcdefghijklmn");
        t.History.ShouldBe("abcd|efgh");
        t.Text.ShouldBe("ijkl|mn");
    }

    [Fact]
    public void Without_auto_wrap_a_long_run_ends_in_the_last_column()
    {
        var t = new TestTerminal(5, 2).Feed("\e[?7labcdefghij");
        t.Text.ShouldBe("abcdj|");
        t.Screen.Cursor.PendingWrap.ShouldBeFalse();
        t.CursorPosition.ShouldBe((0, 4));
    }

    [Fact]
    public void A_run_starting_on_the_right_half_of_a_wide_character_blanks_its_left_half()
    {
        var t = new TestTerminal(6, 2).Feed("中文\e[1;2Hx");
        t.Text.ShouldBe(" x文|");
        t.Screen.GetLine(0)[0].IsEmpty.ShouldBeTrue();
    }

    [Fact]
    public void A_run_ending_on_the_left_half_of_a_wide_character_blanks_its_right_half()
    {
        var t = new TestTerminal(6, 2).Feed("ab中\e[1;2Hxy");
        t.Text.ShouldBe("axy|");
        t.Screen.GetLine(0)[3].IsSpacer.ShouldBeFalse();
    }

    [Fact]
    public void A_wide_character_at_the_margin_after_a_run_wraps_first()
    {
        var t = new TestTerminal(5, 2).Feed("abcd中");
        t.Text.ShouldBe("abcd|中");
        t.Screen.GetLine(0).Wrapped.ShouldBeTrue();
    }

    [Fact]
    public void Insert_mode_shifts_what_follows_for_every_character_of_a_run()
    {
        var t = new TestTerminal(8, 2).Feed("abcdef\r\e[4hXYZ");
        t.Text.ShouldBe("XYZabcde|");
        t.CursorPosition.ShouldBe((0, 3));
    }

    [Fact]
    public void A_run_between_left_and_right_margins_wraps_at_the_right_margin()
    {
        var t = new TestTerminal(10, 3).Feed("\e[?69h\e[3;6s\e[1;3Habcdefg");
        t.Text.ShouldBe("  abcd|  efg|");
    }

    [Fact]
    public void Dec_special_graphics_translate_a_run()
    {
        var t = new TestTerminal(8, 2).Feed("\e(0lqqk\e(Bab");
        t.Text.ShouldBe("┌──┐ab|");
    }

    [Fact]
    public void A_run_split_across_reads_prints_as_one()
    {
        var t = new TestTerminal(6, 3);
        t.Terminal.Feed("abc"u8);
        t.Terminal.Feed("defgh"u8);
        t.Text.ShouldBe("abcdef|gh|");
        t.Screen.GetLine(0).Wrapped.ShouldBeTrue();
    }

    [Fact]
    public void A_utf8_character_split_across_reads_between_runs_keeps_its_place()
    {
        var bytes = Encoding.UTF8.GetBytes("ab中cd");
        var t = new TestTerminal(8, 2);
        t.Terminal.Feed(bytes.AsSpan(0, 3)); // "ab" and the first byte of 中
        t.Terminal.Feed(bytes.AsSpan(3, 1));
        t.Terminal.Feed(bytes.AsSpan(4));
        t.Text.ShouldBe("ab中cd|");
        t.CursorPosition.ShouldBe((0, 6));
    }

    [Fact]
    public void A_long_run_after_other_characters_keeps_the_order()
    {
        var text = "é" + new string('x', 40) + "ü" + "yz";
        var t = new TestTerminal(50, 2).Feed(text);
        t.Text.ShouldBe(text + "|");
    }

    [Fact]
    public void Repeat_after_a_run_repeats_its_last_character()
    {
        var t = new TestTerminal(10, 2).Feed("abc\e[3b");
        t.Text.ShouldBe("abcccc|");
    }

    [Fact]
    public void A_run_takes_the_pen()
    {
        var t = new TestTerminal(10, 2).Feed("\e[1;31;48;2;1;2;3mab\e[0mc");
        var line = t.Screen.GetLine(0);
        line[0].Style.Foreground.ShouldBe(TerminalColor.Indexed(1));
        line[1].Style.Background.ShouldBe(TerminalColor.Rgb(1, 2, 3));
        line[1].Style.Has(CellFlags.Bold).ShouldBeTrue();
        line[2].Style.ShouldBe(CellStyle.Default);
        line[1].CodePoint.ShouldBe('b');
        line[1].Width.ShouldBe(1);
    }

    [Fact]
    public void Narrow_cells_filled_from_bytes_equal_cells_built_one_by_one()
    {
        var style = new CellStyle(TerminalColor.Rgb(1, 2, 3), TerminalColor.Indexed(200), TerminalColor.Rgb(9, 8, 7),
            CellFlags.Bold | CellFlags.Italic, UnderlineStyle.Curly, 4242);
        var cells = new Cell[5];
        Cell.FillNarrow(cells, "hello"u8, style);
        for (var i = 0; i < cells.Length; i++)
        {
            var expected = Cell.Narrow("hello"[i], style);
            cells[i].Content.ShouldBe(expected.Content);
            cells[i].Style.ShouldBe(expected.Style);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Random_streams_give_the_screen_the_general_path_gives(int seed)
    {
        var random = new Random(seed);
        for (var stream = 0; stream < 40; stream++)
        {
            var columns = random.Next(1, 24);
            var rows = random.Next(1, 6);
            var bytes = RandomStream(random, columns, rows);
            var fast = new VirtualTerminal(columns, rows, scrollbackLimit: 20);
            var reference = new GeneralPathTerminal(columns, rows);
            // Random read sizes: runs and UTF-8 sequences split across reads.
            for (var offset = 0; offset < bytes.Length;)
            {
                var n = Math.Min(bytes.Length - offset, random.Next(1, 40));
                fast.Feed(bytes.AsSpan(offset, n));
                reference.Feed(bytes.AsSpan(offset, n));
                offset += n;
            }

            ScreenComparison.ShouldMatch(fast.Screen, reference.Screen, Encoding.UTF8.GetString(bytes));
        }
    }

    private static byte[] RandomStream(Random random, int columns, int rows)
    {
        string[] pieces =
        [
            "abc", "hello world", "x", "0123456789abcdefghijklmnopqrstuvwxyz0123456789", "中", "文字", "e\u0301", "\u0301",
            "é", "✔", "\r", "\n", "\r\n", "\b", "\t", "\e[4h", "\e[4l", "\e[?7l", "\e[?7h", "\e[1;31m", "\e[0m",
            "\e[48;2;10;20;30m", "\e[2K", "\e[K", "\e[3b", "\e(0", "\e(B", "\x0e", "\x0f", "\e)0", "\e7", "\e8",
            "\e[?6h", "\e[?6l", "\e[?69h", "\e[?69l", "\e[@", "\e[2P",
        ];
        var sb = new StringBuilder();
        var count = random.Next(5, 60);
        for (var i = 0; i < count; i++)
        {
            switch (random.Next(6))
            {
                case 0:
                    sb.Append("\e[").Append(random.Next(1, rows + 2)).Append(';').Append(random.Next(1, columns + 2)).Append('H');
                    break;
                case 1:
                    sb.Append("\e[").Append(random.Next(1, rows + 1)).Append(';').Append(random.Next(1, rows + 1)).Append('r');
                    break;
                case 2:
                    sb.Append("\e[").Append(random.Next(1, columns + 1)).Append(';').Append(random.Next(1, columns + 1)).Append('s');
                    break;
                default:
                    sb.Append(pieces[random.Next(pieces.Length)]);
                    break;
            }
        }

        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    /// <summary>
    /// The reference: the same parser and handler, with printable ASCII taken as code points through the general print
    /// path (this handler does not implement <see cref="IVtHandler.PrintAscii"/>, so the interface's default widens it).
    /// </summary>
    private sealed class GeneralPathTerminal : IVtHandler
    {
        private readonly TerminalHandler _inner;
        private readonly VtParser _parser;

        public GeneralPathTerminal(int columns, int rows)
        {
            Screen = new ScreenBuffer(columns, rows, 20);
            _inner = new TerminalHandler(Screen);
            _parser = new VtParser(this);
        }

        public ScreenBuffer Screen { get; }

        public void Feed(ReadOnlySpan<byte> data) => _parser.Advance(data);

        public void Print(ReadOnlySpan<int> codePoints)
        {
            // One code point at a time: not even the general path's own ASCII run.
            foreach (var codePoint in codePoints)
                _inner.Print([codePoint]);
        }

        public void Execute(byte control) => _inner.Execute(control);

        public void CsiDispatch(VtParams parameters, VtCollected collected, byte final) => _inner.CsiDispatch(parameters, collected, final);

        public void EscDispatch(VtCollected collected, byte final) => _inner.EscDispatch(collected, final);

        public void OscDispatch(ReadOnlySpan<byte> payload) => _inner.OscDispatch(payload);

        public void DcsHook(VtParams parameters, VtCollected collected, byte final) => _inner.DcsHook(parameters, collected, final);

        public void DcsPut(ReadOnlySpan<byte> data) => _inner.DcsPut(data);

        public void DcsUnhook() => _inner.DcsUnhook();
    }
}

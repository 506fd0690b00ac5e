using System.Text;
using FleetTui.Terminal.Screen;
using FleetTui.Terminal.Tests.Emulation;
using Shouldly;
using Xunit;

namespace FleetTui.Terminal.Tests.Screen;

/// <summary>
/// History lines that sat idle are packed (issue 17, goal 5) and must read back exactly as they were, through every way a
/// history line is read: cells and styles, text, a re-flow on resize, lines pulled back down by a taller screen. Scrolling
/// stays allocation free once the ring has turned over.
/// </summary>
public class PackedHistoryTests
{
    /// <summary>Everything a line holds: wide characters, combining marks, 256-colour and truecolour, an erased coloured tail, hyperlinks, wraps.</summary>
    private static string MixedText()
    {
        var text = new StringBuilder();
        for (var i = 0; i < 300; i++)
        {
            text.Append($"\e[38;5;{i % 256}mline {i}\e[0m plain ");
            if (i % 3 == 0)
                text.Append("中文 e\u0301 ");
            if (i % 4 == 0)
                text.Append($"\e[48;2;{i % 256};20;30m\e[K");
            if (i % 5 == 0)
                text.Append("\e]8;;https://example.com\e\\link\e]8;;\e\\");
            if (i % 7 == 0)
                text.Append(new string('w', 50)); // wraps at 40 columns
            text.Append("\e[0m\r\n");
        }

        return text.ToString();
    }

    private static string[] HistoryText(TestTerminal terminal) =>
        Enumerable.Range(1, terminal.Screen.Scrollback.Count).Select(i => terminal.Screen.GetRowText(-i)).ToArray();

    private static string Describe(Line line) =>
        $"{line.Wrapped} {line.FillStyle} {line.FillEnd} {line.ContentLength} " +
        string.Join(",", line.StoredCells.ToArray().Select(c => $"{c.Content:x}/{c.Style}"));

    private static TestTerminal Fed(string text)
    {
        var terminal = new TestTerminal(40, 10, scrollback: 1000);
        terminal.Feed(text);
        return terminal;
    }

    [Fact]
    public void A_style_is_16_bytes_of_plain_fields_which_packing_compares_as_two_words()
    {
        System.Runtime.CompilerServices.Unsafe.SizeOf<CellStyle>().ShouldBe(16);
    }

    [Fact]
    public void Packed_lines_read_back_cell_for_cell_as_they_were()
    {
        var terminal = Fed(MixedText());
        var history = terminal.Screen.Scrollback;
        var before = Enumerable.Range(0, history.Count).Select(i => Describe(history[i])).ToList();

        terminal.Terminal.PackIdleHistory(int.MaxValue).ShouldBe(0); // nothing has sat idle through a whole interval yet
        terminal.Terminal.PackIdleHistory(int.MaxValue).ShouldBe(history.Count);
        history.PackedCount.ShouldBe(history.Count);

        Enumerable.Range(0, history.Count).Select(i => Describe(history[i])).ToList().ShouldBe(before);
        history.PackedCount.ShouldBe(0); // each read unpacked its line
    }

    [Fact]
    public void Only_lines_already_in_history_at_the_previous_pass_are_packed()
    {
        var terminal = Fed(string.Concat(Enumerable.Repeat("older\r\n", 50)));
        terminal.Terminal.PackIdleHistory(int.MaxValue);
        var idle = terminal.Screen.Scrollback.Count;

        terminal.Feed(string.Concat(Enumerable.Repeat("newer\r\n", 30)));

        terminal.Terminal.PackIdleHistory(int.MaxValue).ShouldBe(idle);
        terminal.Terminal.PackIdleHistory(int.MaxValue).ShouldBe(30);
    }

    [Fact]
    public void A_budget_spreads_the_packing_over_several_passes()
    {
        var terminal = Fed(string.Concat(Enumerable.Repeat("text\r\n", 100)));
        var count = terminal.Screen.Scrollback.Count;
        terminal.Terminal.PackIdleHistory(10);

        terminal.Terminal.PackIdleHistory(40).ShouldBe(40);
        terminal.Terminal.PackIdleHistory(40).ShouldBe(40);
        terminal.Terminal.PackIdleHistory(40).ShouldBe(count - 80);
        terminal.Screen.Scrollback.PackedCount.ShouldBe(count);
    }

    [Fact]
    public void A_line_read_while_packed_is_packed_again_later()
    {
        var terminal = Fed(string.Concat(Enumerable.Repeat("text\r\n", 100)));
        terminal.Terminal.PackIdleHistory(int.MaxValue);
        terminal.Terminal.PackIdleHistory(int.MaxValue);

        terminal.Screen.GetRowText(-50).ShouldBe("text"); // scrolled back to: unpacked

        terminal.Screen.Scrollback.PackedCount.ShouldBe(terminal.Screen.Scrollback.Count - 1);
        terminal.Terminal.PackIdleHistory(int.MaxValue).ShouldBe(1);
        terminal.Screen.Scrollback.PackedCount.ShouldBe(terminal.Screen.Scrollback.Count);
    }

    [Theory]
    [InlineData(25, 10)] // narrower: re-flows every history line
    [InlineData(60, 10)] // wider: re-joins wrapped lines
    [InlineData(40, 30)] // taller: pulls history back onto the screen
    [InlineData(40, 4)] // shorter: pushes screen rows into history
    public void A_resize_over_packed_history_gives_what_it_gives_over_unpacked_history(int columns, int rows)
    {
        var text = MixedText();
        var packed = Fed(text);
        var plain = Fed(text);
        packed.Terminal.PackIdleHistory(int.MaxValue);
        packed.Terminal.PackIdleHistory(int.MaxValue);

        packed.Terminal.Resize(columns, rows);
        plain.Terminal.Resize(columns, rows);

        HistoryText(packed).ShouldBe(HistoryText(plain));
        packed.Text.ShouldBe(plain.Text);
    }

    [Fact]
    public void Scrolling_over_a_packed_history_allocates_nothing_once_the_ring_has_turned_over()
    {
        var terminal = new TestTerminal(80, 24, scrollback: 100);
        var lines = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("some text on a line\r\n", 2000)));
        terminal.Terminal.Feed(lines);
        terminal.Terminal.PackIdleHistory(int.MaxValue);
        terminal.Terminal.PackIdleHistory(int.MaxValue).ShouldBe(100);
        terminal.Terminal.Feed(lines); // evicts the packed lines: their cells are allocated again, once

        var before = GC.GetAllocatedBytesForCurrentThread();
        terminal.Terminal.Feed(lines);

        (GC.GetAllocatedBytesForCurrentThread() - before).ShouldBeLessThan(1024);
        terminal.Screen.GetRowText(-1).ShouldBe("some text on a line");
    }
}

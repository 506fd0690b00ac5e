using FleetTui.Terminal.Screen;
using FleetTui.Terminal.Tests.Emulation;
using Shouldly;
using Xunit;

namespace FleetTui.Terminal.Tests.Screen;

public class ScreenBufferTests
{
    [Fact]
    public void A_narrower_main_screen_reflows_long_lines_into_more_rows()
    {
        var t = new TestTerminal(10, 3).Feed("0123456789\r\n$ ");
        t.Terminal.Resize(4, 3);
        t.History.ShouldBe("0123");
        t.Text.ShouldBe("4567|89|$");
        t.CursorPosition.ShouldBe((2, 2));
    }

    [Fact]
    public void Reflow_rejoins_wrapped_lines_when_the_screen_widens_again()
    {
        var t = new TestTerminal(10, 4).Feed("0123456789abc\r\nnext");
        t.Terminal.Resize(5, 4);
        t.Text.ShouldBe("01234|56789|abc|next");
        t.Terminal.Resize(20, 4);
        t.Text.ShouldBe("0123456789abc|next||");
        t.CursorPosition.ShouldBe((1, 4));
    }

    [Fact]
    public void Reflow_never_splits_a_wide_character()
    {
        var t = new TestTerminal(6, 2).Feed("ab中文x");
        t.Terminal.Resize(3, 3);
        t.Text.ShouldBe("ab|中|文x");
    }

    [Fact]
    public void Reflow_of_a_partly_used_screen_keeps_the_text_on_screen()
    {
        var t = new TestTerminal(10, 6).Feed("0123456789\r\nabcdefghij\r\n");
        t.Terminal.Resize(5, 6);
        t.Text.ShouldBe("01234|56789|abcde|fghij||");
        t.Screen.Scrollback.Count.ShouldBe(0);
        t.CursorPosition.ShouldBe((4, 0));
    }

    [Fact]
    public void The_alternate_screen_is_cut_not_reflowed()
    {
        var t = new TestTerminal(10, 2).Feed("\e[?1049h0123456789");
        t.Terminal.Resize(4, 2);
        t.Text.ShouldBe("0123|");
        t.CursorPosition.ShouldBe((0, 3));
    }

    [Fact]
    public void A_shorter_screen_drops_blank_rows_below_the_cursor_first()
    {
        var t = new TestTerminal(5, 4).Feed("a\r\nb");
        t.Terminal.Resize(5, 2);
        t.Text.ShouldBe("a|b");
        t.Screen.Scrollback.Count.ShouldBe(0);
    }

    [Fact]
    public void A_shorter_screen_pushes_top_rows_into_history_and_a_taller_one_pulls_them_back()
    {
        var t = new TestTerminal(5, 4).Feed("a\r\nb\r\nc\r\nd");
        t.Terminal.Resize(5, 2);
        t.Text.ShouldBe("c|d");
        t.History.ShouldBe("a|b");
        t.CursorPosition.ShouldBe((1, 1));
        t.Terminal.Resize(5, 4);
        t.Text.ShouldBe("a|b|c|d");
        t.CursorPosition.ShouldBe((3, 1));
    }

    [Fact]
    public void A_wide_character_cut_by_a_narrower_screen_is_blanked()
    {
        var t = new TestTerminal(6, 1).Feed("\e[?1049habc中");
        t.Terminal.Resize(4, 1);
        t.Text.ShouldBe("abc");
    }

    [Fact]
    public void Resizing_resets_the_scroll_region()
    {
        var t = new TestTerminal(5, 4).Feed("\e[2;3r");
        t.Terminal.Resize(6, 5);
        t.Screen.ScrollTop.ShouldBe(0);
        t.Screen.ScrollBottom.ShouldBe(4);
    }

    [Fact]
    public void Resizing_on_the_alternate_screen_keeps_the_main_screen_for_later()
    {
        var t = new TestTerminal(6, 3).Feed("main\e[?1049h\e[Halt");
        t.Terminal.Resize(8, 4);
        t.Text.ShouldBe("alt|||");
        t.Feed("\e[?1049l");
        t.Text.ShouldBe("main|||");
    }

    [Fact]
    public void History_lines_are_read_with_negative_rows()
    {
        var t = new TestTerminal(4, 1).Feed("a\r\nb\r\nc");
        t.Screen.GetRowText(-1).ShouldBe("b");
        t.Screen.GetRowText(-2).ShouldBe("a");
        t.Screen.GetRowText(0).ShouldBe("c");
    }

    [Fact]
    public void Scrolling_a_full_history_reuses_lines_instead_of_allocating()
    {
        var screen = new TestTerminal(80, 24, scrollback: 100);
        var lines = System.Text.Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("some text on a line\r\n", 2000)));
        screen.Terminal.Feed(lines); // warm up: fill the history
        var before = GC.GetAllocatedBytesForCurrentThread();
        screen.Terminal.Feed(lines);
        (GC.GetAllocatedBytesForCurrentThread() - before).ShouldBeLessThan(1024);
    }

    [Fact]
    public void Coloured_output_over_a_full_history_allocates_nothing()
    {
        // 256-colour and truecolour on every word (the SGR-heavy benchmark stream's shape), lines of varied length.
        var text = new System.Text.StringBuilder();
        for (var i = 0; i < 3000; i++)
            text.Append($"\e[38;5;{i % 256}m\e[48;2;{i % 256};{i * 7 % 256};{i * 13 % 256}mword{i}\e[0m {new string('x', i % 90)}\r\n");
        var bytes = System.Text.Encoding.ASCII.GetBytes(text.ToString());
        var screen = new TestTerminal(100, 30, scrollback: 500);
        screen.Terminal.Feed(bytes); // warm up: fill the history
        var before = GC.GetAllocatedBytesForCurrentThread();
        screen.Terminal.Feed(bytes);
        (GC.GetAllocatedBytesForCurrentThread() - before).ShouldBe(0);
    }

    [Fact]
    public void Cells_report_width_style_and_text()
    {
        var t = new TestTerminal(6, 1).Feed("\e[1;32m中\e[0me\u0301");
        var line = t.Screen.GetLine(0);
        line[0].Width.ShouldBe(2);
        line[0].Style.Foreground.ShouldBe(TerminalColor.Indexed(2));
        line[1].Width.ShouldBe(0);
        t.Screen.GetCellText(line[1]).ShouldBe("");
        t.Screen.GetCellText(line[2]).ShouldBe("e\u0301");
        t.Screen.GetCellText(line[3]).ShouldBe(" ");
    }

    [Fact]
    public void Dirty_row_sets_take_and_clear()
    {
        var set = new DirtyRowSet(70);
        set.Mark(3);
        set.Mark(65);
        var into = new DirtyRowSet(70);
        set.TakeInto(into);
        into.Count.ShouldBe(2);
        into.IsDirty(65).ShouldBeTrue();
        set.Any.ShouldBeFalse();
    }
}

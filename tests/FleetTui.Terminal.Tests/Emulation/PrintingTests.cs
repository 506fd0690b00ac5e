using Shouldly;
using Xunit;

namespace FleetTui.Terminal.Tests.Emulation;

public class PrintingTests
{
    [Fact]
    public void Text_wraps_at_the_right_edge_with_a_pending_wrap()
    {
        var t = new TestTerminal(5, 3).Feed("abcde");
        t.CursorPosition.ShouldBe((0, 4));
        t.Screen.Cursor.PendingWrap.ShouldBeTrue();
        t.Feed("f");
        t.Text.ShouldBe("abcde|f|");
        t.Screen.GetLine(0).Wrapped.ShouldBeTrue();
    }

    [Fact]
    public void Carriage_return_at_the_pending_wrap_stays_on_the_line()
    {
        var t = new TestTerminal(5, 3).Feed("abcde\rX");
        t.Text.ShouldBe("Xbcde||");
    }

    [Fact]
    public void Without_auto_wrap_the_last_column_is_overwritten()
    {
        var t = new TestTerminal(5, 3).Feed("\e[?7labcdefg");
        t.Text.ShouldBe("abcdg||");
    }

    [Fact]
    public void Line_feeds_at_the_bottom_scroll_into_history()
    {
        var t = new TestTerminal(5, 2).Feed("1\r\n2\r\n3\r\n4");
        t.Text.ShouldBe("3|4");
        t.History.ShouldBe("1|2");
    }

    [Fact]
    public void Wide_characters_take_two_cells_and_print_once()
    {
        var t = new TestTerminal(6, 2).Feed("a中b");
        t.Text.ShouldBe("a中b|");
        t.CursorPosition.ShouldBe((0, 4));
        t.Screen.GetLine(0)[1].Width.ShouldBe(2);
        t.Screen.GetLine(0)[2].IsSpacer.ShouldBeTrue();
    }

    [Fact]
    public void A_wide_character_at_the_last_column_wraps_first()
    {
        var t = new TestTerminal(4, 2).Feed("abc中");
        t.Text.ShouldBe("abc|中");
    }

    [Fact]
    public void Overwriting_half_of_a_wide_character_clears_the_other_half()
    {
        var t = new TestTerminal(6, 1).Feed("中文\e[1Gx\e[4Gy");
        t.Text.ShouldBe("x  y");
    }

    [Fact]
    public void Combining_marks_join_the_previous_cell()
    {
        var t = new TestTerminal(6, 1).Feed("e\u0301x");
        t.Text.ShouldBe("e\u0301x");
        t.CursorPosition.ShouldBe((0, 2));
        t.Screen.GetLine(0)[0].HasGrapheme.ShouldBeTrue();
    }

    [Fact]
    public void Emoji_are_wide()
    {
        var t = new TestTerminal(6, 1).Feed("😀x");
        t.Text.ShouldBe("😀x");
        t.CursorPosition.ShouldBe((0, 3));
    }

    [Fact]
    public void Dec_special_graphics_draw_lines()
    {
        var t = new TestTerminal(6, 1).Feed("\e(0lqqk\e(Bq");
        t.Text.ShouldBe("┌──┐q");
    }

    [Fact]
    public void Shift_out_selects_g1()
    {
        var t = new TestTerminal(6, 1).Feed("\e)0a\x0Eq\x0Fq");
        t.Text.ShouldBe("a─q");
    }

    [Fact]
    public void Insert_mode_shifts_the_line_right()
    {
        var t = new TestTerminal(6, 1).Feed("abcd\e[1G\e[4hXY\e[4lZ");
        t.Text.ShouldBe("XYZbcd");
    }

    [Fact]
    public void Repeat_prints_the_last_character_again()
    {
        var t = new TestTerminal(8, 1).Feed("ab\e[3b");
        t.Text.ShouldBe("abbbb");
    }

    [Fact]
    public void Tabs_move_to_every_eighth_column_and_can_be_set()
    {
        var t = new TestTerminal(20, 1).Feed("a\tb\e[3G\eH\e[1G\tc");
        t.Text.ShouldBe("a c     b");
    }

    [Fact]
    public void Linefeed_newline_mode_returns_the_carriage()
    {
        var t = new TestTerminal(6, 2).Feed("\e[20hab\ncd");
        t.Text.ShouldBe("ab|cd");
    }
}

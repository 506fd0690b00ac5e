using Shouldly;
using Xunit;

namespace FleetTui.Terminal.Tests.Emulation;

public class CursorAndEraseTests
{
    [Fact]
    public void Cup_moves_to_one_based_positions_and_clamps()
    {
        var t = new TestTerminal(10, 4).Feed("\e[2;3Hx\e[99;99H");
        t.Text.ShouldBe("|  x||");
        t.CursorPosition.ShouldBe((3, 9));
    }

    [Fact]
    public void Relative_moves_treat_zero_as_one()
    {
        var t = new TestTerminal(10, 4).Feed("\e[3;5H\e[0A\e[2D\e[B\e[3C");
        t.CursorPosition.ShouldBe((2, 5));
        t.Feed("\e[2F");
        t.CursorPosition.ShouldBe((0, 0));
        t.Feed("\e[3E\e[4G\e[2d");
        t.CursorPosition.ShouldBe((1, 3));
    }

    [Fact]
    public void Erase_in_line_right_left_and_all()
    {
        new TestTerminal(6, 1).Feed("abcdef\e[3G\e[K").Text.ShouldBe("ab");
        new TestTerminal(6, 1).Feed("abcdef\e[3G\e[1K").Text.ShouldBe("   def");
        new TestTerminal(6, 1).Feed("abcdef\e[2K").Text.ShouldBe("");
    }

    [Fact]
    public void Erase_in_display_below_above_and_all()
    {
        new TestTerminal(3, 3).Feed("abc\r\ndef\r\nghi\e[2;2H\e[J").Text.ShouldBe("abc|d|");
        new TestTerminal(3, 3).Feed("abc\r\ndef\r\nghi\e[2;2H\e[1J").Text.ShouldBe("|  f|ghi");
        new TestTerminal(3, 3).Feed("abc\r\ndef\r\nghi\e[2J").Text.ShouldBe("||");
    }

    [Fact]
    public void Erase_scrollback_with_ed_3()
    {
        var t = new TestTerminal(3, 2).Feed("1\r\n2\r\n3\e[3J");
        t.Screen.Scrollback.Count.ShouldBe(0);
        t.Text.ShouldBe("2|3");
    }

    [Fact]
    public void Erase_uses_the_current_background()
    {
        var t = new TestTerminal(4, 1).Feed("\e[44m\e[2K");
        t.Screen.GetLine(0)[3].Style.Background.Index.ShouldBe(4);
    }

    [Fact]
    public void Erase_and_delete_characters()
    {
        new TestTerminal(6, 1).Feed("abcdef\e[2G\e[2X").Text.ShouldBe("a  def");
        new TestTerminal(6, 1).Feed("abcdef\e[2G\e[2P").Text.ShouldBe("adef");
        new TestTerminal(6, 1).Feed("abcdef\e[2G\e[2@").Text.ShouldBe("a  bcd");
    }

    [Fact]
    public void Insert_and_delete_lines_inside_the_region()
    {
        new TestTerminal(3, 4).Feed("a\r\nb\r\nc\r\nd\e[2H\e[L").Text.ShouldBe("a||b|c");
        new TestTerminal(3, 4).Feed("a\r\nb\r\nc\r\nd\e[2H\e[2M").Text.ShouldBe("a|d||");
        new TestTerminal(3, 4).Feed("a\r\nb\r\nc\r\nd\e[1;3r\e[2H\e[M").Text.ShouldBe("a|c||d");
    }

    [Fact]
    public void Save_and_restore_cursor_with_attributes()
    {
        var t = new TestTerminal(6, 2).Feed("\e[1m\e[2;3H\e7\e[0m\e[H\e8x");
        t.Text.ShouldBe("|  x");
        t.Screen.GetLine(1)[2].Style.Has(FleetTui.Terminal.Screen.CellFlags.Bold).ShouldBeTrue();
    }

    [Fact]
    public void Reverse_index_at_the_top_scrolls_down()
    {
        var t = new TestTerminal(3, 3).Feed("a\r\nb\r\nc\e[H\eM");
        t.Text.ShouldBe("|a|b");
    }

    [Fact]
    public void Backspace_stops_at_the_left_edge()
    {
        var t = new TestTerminal(5, 1).Feed("ab\b\b\bX");
        t.Text.ShouldBe("Xb");
    }

    [Fact]
    public void Decaln_fills_the_screen_with_e()
    {
        new TestTerminal(3, 2).Feed("\e#8").Text.ShouldBe("EEE|EEE");
    }

    [Fact]
    public void Back_tab_and_forward_tab_count()
    {
        var t = new TestTerminal(30, 1).Feed("\e[2I");
        t.CursorPosition.ShouldBe((0, 16));
        t.Feed("\e[Z");
        t.CursorPosition.ShouldBe((0, 8));
        t.Feed("\e[3g\e[1G\t");
        t.CursorPosition.ShouldBe((0, 29));
    }
}

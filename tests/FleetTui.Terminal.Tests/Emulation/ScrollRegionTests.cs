using Shouldly;
using Xunit;

namespace FleetTui.Terminal.Tests.Emulation;

public class ScrollRegionTests
{
    [Fact]
    public void Line_feed_at_the_bottom_margin_scrolls_only_the_region()
    {
        var t = new TestTerminal(3, 4).Feed("a\r\nb\r\nc\r\nd\e[2;3r\e[3H\nX");
        t.Text.ShouldBe("a|c|X|d");
        t.Screen.Scrollback.Count.ShouldBe(0);
    }

    [Fact]
    public void A_region_starting_at_the_top_pushes_lines_into_history()
    {
        // Codex CLI: a region over the upper rows, with its UI kept below.
        var t = new TestTerminal(6, 4).Feed("\e[1;2r\e[2H1\n\r2\n\r3\e[4Hui");
        t.History.ShouldBe("|1");
        t.Text.ShouldBe("2|3||ui");
    }

    [Fact]
    public void Scroll_up_and_down_commands_move_the_region()
    {
        new TestTerminal(3, 3).Feed("a\r\nb\r\nc\e[S").Text.ShouldBe("b|c|");
        new TestTerminal(3, 3).Feed("a\r\nb\r\nc\e[T").Text.ShouldBe("|a|b");
    }

    [Fact]
    public void Origin_mode_addresses_relative_to_the_region()
    {
        var t = new TestTerminal(3, 4).Feed("\e[2;3r\e[?6h\e[1;1Hx\e[9;1Hy");
        t.Text.ShouldBe("|x|y|");
        t.Feed("\e[6n");
        t.Replies.ShouldBe("\e[2;2R");
    }

    [Fact]
    public void The_alternate_screen_keeps_no_history_and_restores_the_main_screen()
    {
        var t = new TestTerminal(4, 2).Feed("main\e[?1049h\e[Halt\r\n1\r\n2\r\n3");
        t.Screen.IsAlternateScreen.ShouldBeTrue();
        t.Text.ShouldBe("2|3");
        t.Screen.Scrollback.Count.ShouldBe(0);
        t.Feed("\e[?1049l");
        t.Text.ShouldBe("main|");
        t.CursorPosition.ShouldBe((0, 3));
    }

    [Fact]
    public void Scrollback_keeps_its_limit()
    {
        var t = new TestTerminal(4, 2, scrollback: 3);
        for (var i = 0; i < 10; i++)
            t.Feed($"{i}\r\n");
        t.History.ShouldBe("6|7|8");
        t.Text.ShouldBe("9|");
    }
}

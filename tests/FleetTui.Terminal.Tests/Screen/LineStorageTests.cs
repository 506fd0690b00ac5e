using System.Text;
using FleetTui.Terminal.Emulation;
using FleetTui.Terminal.Screen;
using FleetTui.Terminal.Tests.Emulation;
using Shouldly;
using Xunit;

namespace FleetTui.Terminal.Tests.Screen;

/// <summary>
/// A line stores only the cells written since its last erase; the rest is a blank tail in the erase's style. What a
/// line shows must not depend on that: these pin the tail's style through erases, resizes and renders, and that a
/// huge screen costs what is drawn on it.
/// </summary>
public class LineStorageTests
{
    [Fact]
    public void An_erase_with_a_background_colours_the_whole_rest_of_the_line()
    {
        var t = new TestTerminal(20, 2).Feed("abc\e[44m\e[K\e[0m");
        var line = t.Screen.GetLine(0);
        line[2].CodePoint.ShouldBe('c');
        for (var c = 3; c < 20; c++)
            line[c].Style.Background.IsDefault.ShouldBeFalse($"column {c}");
        line.ContentLength.ShouldBe(20);
        line.Cells.Length.ShouldBe(20);
        line.Cells[19].Style.ShouldBe(line[19].Style);
    }

    [Fact]
    public void A_wider_screen_adds_default_blanks_after_a_coloured_tail()
    {
        var t = new TestTerminal(10, 2).Feed("\e[?1049h\e[41m\e[2J\e[0mx");
        t.Terminal.Resize(14, 2);
        var line = t.Screen.GetLine(0);
        line[9].Style.Background.IsDefault.ShouldBeFalse();
        line[10].Style.ShouldBe(default);
        line[13].ShouldBe(default);
        var ansi = new StringBuilder();
        LineText.AppendAnsi(ansi, t.Screen, line);
        ansi.ToString().ShouldBe("x\e[0;41m         \e[0m");
    }

    [Fact]
    public void A_narrower_then_wider_alternate_screen_does_not_bring_a_cut_colour_back()
    {
        var t = new TestTerminal(10, 2).Feed("\e[?1049h\e[42m\e[2J\e[0m");
        t.Terminal.Resize(4, 2);
        t.Terminal.Resize(8, 2);
        var line = t.Screen.GetLine(1);
        line[3].Style.Background.IsDefault.ShouldBeFalse();
        line[4].ShouldBe(default);
        line[7].ShouldBe(default);
    }

    [Fact]
    public void Erasing_part_of_a_line_keeps_the_cells_after_it()
    {
        var t = new TestTerminal(12, 1).Feed("abcdefghij\e[3G\e[43m\e[4X\e[0m");
        t.Text.ShouldBe("ab    ghij");
        t.Screen.GetLine(0)[5].Style.Background.IsDefault.ShouldBeFalse();
        t.Screen.GetLine(0)[6].Style.ShouldBe(default);
        t.Screen.GetLine(0).ContentLength.ShouldBe(10);
    }

    [Fact]
    public void Erasing_left_of_a_blank_tail_in_another_colour_keeps_both_colours()
    {
        var t = new TestTerminal(12, 1).Feed("\e[41m\e[K\e[5G\e[42m\e[1K\e[0m");
        var line = t.Screen.GetLine(0);
        line[4].Style.Background.ShouldBe(line[0].Style.Background);
        line[5].Style.Background.ShouldNotBe(line[0].Style.Background);
        line[11].Style.Background.ShouldBe(line[5].Style.Background);
    }

    [Fact]
    public void Wide_characters_on_a_wide_line_are_written_whole_when_its_cells_grow()
    {
        // A 1000-column line grows its storage as text reaches further: a wide character at the edge of what is stored
        // must land whole (both halves), and overwriting half of it must blank the other half.
        var t = new TestTerminal(1000, 2).Feed(new string('a', 255) + "中" + "\e[1;257Hx");
        var line = t.Screen.GetLine(0);
        line[255].IsWide.ShouldBeFalse();
        line[255].IsEmpty.ShouldBeTrue();
        line[256].CodePoint.ShouldBe('x');
        t.Feed("\e[1;600H文\e[1;601Hy");
        line[599].IsEmpty.ShouldBeTrue();
        line[600].CodePoint.ShouldBe('y');
    }

    [Fact]
    public void A_huge_screen_allocates_what_is_drawn_not_its_area()
    {
        // 4096x4096 is the largest size fleet replay accepts: 16.7 million cells, about 340 MB per screen if stored.
        var before = GC.GetAllocatedBytesForCurrentThread();
        var terminal = new VirtualTerminal(4096, 4096, scrollbackLimit: 1000);
        for (var i = 0; i < 5000; i++)
            terminal.Feed($"line {i}\r\n");
        terminal.Feed("\e[2J\e[H\e[44m\e[J\e[0m\e[100;200r\e[200;1H\n\n\n\e[r");
        terminal.Resize(4000, 4090);
        var text = new StringBuilder();
        for (var row = 0; row < terminal.Screen.Rows; row++)
            LineText.AppendPlain(text, terminal.Screen, terminal.Screen.GetLine(row));
        (GC.GetAllocatedBytesForCurrentThread() - before).ShouldBeLessThan(64L << 20);
    }

    [Fact]
    public void Re_flowing_coloured_rows_keeps_their_colour_without_storing_the_blanks()
    {
        var terminal = new VirtualTerminal(1000, 50, scrollbackLimit: 1000);
        for (var i = 0; i < 300; i++)
            terminal.Feed($"\e[44m\e[2Krow {i}\e[0m\r\n");
        var before = GC.GetAllocatedBytesForCurrentThread();
        terminal.Resize(997, 50);
        var screen = terminal.Screen;
        var narrow = RowOf(screen, "row 299");
        screen.GetLine(narrow).Wrapped.ShouldBeTrue(); // the 3 coloured columns that no longer fit go to the next row
        screen.GetRowText(narrow + 1).ShouldBe("");
        screen.GetLine(narrow + 1)[2].Style.Background.IsDefault.ShouldBeFalse();
        screen.GetLine(narrow + 1)[3].ShouldBe(default);
        terminal.Resize(1000, 50);
        (GC.GetAllocatedBytesForCurrentThread() - before).ShouldBeLessThan(4L << 20);
        var wide = RowOf(screen, "row 299");
        screen.GetLine(wide).Wrapped.ShouldBeFalse();
        screen.GetLine(wide)[999].Style.Background.IsDefault.ShouldBeFalse();
        screen.GetRowText(wide - 1).ShouldBe("row 298");
        screen.GetLine(wide).ContentLength.ShouldBe(1000);
    }

    private static int RowOf(ScreenBuffer screen, string text)
    {
        for (var row = -screen.Scrollback.Count; row < screen.Rows; row++)
            if (screen.GetRowText(row) == text)
                return row;
        throw new InvalidOperationException($"no row shows {text}");
    }
}

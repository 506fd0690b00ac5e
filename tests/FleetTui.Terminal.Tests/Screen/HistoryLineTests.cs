using System.Runtime.CompilerServices;
using FleetTui.Terminal.Screen;
using FleetTui.Terminal.Tests.Emulation;
using Shouldly;
using Xunit;

namespace FleetTui.Terminal.Tests.Screen;

/// <summary>History lines are stored compactly; every cell must come back exactly as it was on the screen.</summary>
public class HistoryLineTests
{
    private static (Cell[] Cells, bool Wrapped)[] Snapshot(ScreenBuffer screen) =>
        Enumerable.Range(0, screen.Rows).Select(r => (screen.GetLine(r).Cells.ToArray(), screen.GetLine(r).Wrapped)).ToArray();

    private static void ShouldBeSameCells(Line line, (Cell[] Cells, bool Wrapped) expected, string what)
    {
        line.Wrapped.ShouldBe(expected.Wrapped, what);
        line.Columns.ShouldBe(expected.Cells.Length, what);
        for (var c = 0; c < expected.Cells.Length; c++)
        {
            line[c].Content.ShouldBe(expected.Cells[c].Content, $"{what}, column {c}");
            line[c].Style.ShouldBe(expected.Cells[c].Style, $"{what}, column {c}");
        }
    }

    [Fact]
    public void A_style_is_16_bytes_so_that_styles_compare_as_two_words() =>
        Unsafe.SizeOf<CellStyle>().ShouldBe(16);

    [Fact]
    public void Every_cell_scrolled_into_history_comes_back_unchanged()
    {
        var t = new TestTerminal(12, 6, scrollback: 50);
        t.Feed("\e[1;31mred\e[0m plain \e[4:3;58;2;1;2;3mcurly\e[0m\r\n"); // styles, colored underline, wrapping at 12
        t.Feed("中文x\u0301e\u0300\r\n");                                 // wide characters, combining marks
        t.Feed("\e[44m\e[K\e[0mblue-bg erase\r\n");                       // an erase leaving a colored background to the edge
        t.Feed("\e]8;;https://example.com\e\\link\e]8;;\e\\ after\r\n");   // a hyperlink id in the style
        t.Feed("trailing   \r\n");                                         // printed spaces are content, not trimmed
        var before = Snapshot(t.Screen);
        var earlier = t.Screen.Scrollback.Count;
        t.Feed("\e[6;1H" + new string('\n', 6)); // from the bottom row: the six screen rows scroll into history

        t.Screen.Scrollback.Count.ShouldBe(earlier + 6);
        for (var r = 0; r < 6; r++)
        {
            ShouldBeSameCells(t.Screen.GetLine(r - 6), before[r], $"history line {r}");
            ShouldBeSameCells(t.Screen.GetLine(r - 6, new Line(3)), before[r], $"history line {r} into a scratch line");
        }

        t.History.ShouldContain("link after");
        var texts = Enumerable.Range(-6, 6).SelectMany(r => t.Screen.GetLine(r).Cells.ToArray()).Select(c => t.Screen.GetCellText(c)).ToList();
        texts.ShouldContain("x\u0301");
    }

    [Fact]
    public void A_line_pushed_is_copied_so_the_screen_can_reuse_it()
    {
        var history = new Scrollback(10);
        var line = new Line(4);
        line.At(0) = Cell.Narrow('a', default);
        history.Push(line).ShouldBeSameAs(line);
        line.At(0) = Cell.Narrow('b', default);

        history[0][0].CodePoint.ShouldBe('a');
        history[0].ShouldNotBeSameAs(history[0]); // each read is a copy of its own
    }

    [Fact]
    public void A_full_history_evicts_the_oldest_and_reuses_its_storage_for_lines_of_any_length()
    {
        var history = new Scrollback(3);
        foreach (var text in new[] { "a-long-line", "b", "c-medium", "d", "e-a-longer-line" })
        {
            var line = new Line(16);
            for (var c = 0; c < text.Length; c++)
                line.At(c) = Cell.Narrow(text[c], default);
            history.Push(line);
        }

        history.Count.ShouldBe(3);
        Enumerable.Range(0, 3).Select(i => LineText(history[i])).ShouldBe(["c-medium", "d", "e-a-longer-line"]);
        history[1].Columns.ShouldBe(16);
        history[1][15].ShouldBe(default(Cell));
    }

    [Fact]
    public void Popping_the_newest_line_returns_it_and_shortens_the_history()
    {
        var t = new TestTerminal(5, 2, scrollback: 10).Feed("one\r\ntwo\r\nthree\r\nfour");
        t.Screen.Scrollback.Count.ShouldBe(2);
        t.Terminal.Resize(5, 4); // a taller screen pulls history back down
        t.Screen.Scrollback.Count.ShouldBe(0);
        t.Text.ShouldBe("one|two|three|four");
    }

    [Fact]
    public void A_history_without_room_keeps_nothing()
    {
        var t = new TestTerminal(5, 2, scrollback: 0).Feed("one\r\ntwo\r\nthree");
        t.Screen.Scrollback.Count.ShouldBe(0);
        t.Text.ShouldBe("two|three");
    }

    private static string LineText(Line line) =>
        new(line.Cells.ToArray().TakeWhile(c => !c.IsEmpty).Select(c => (char)c.CodePoint).ToArray());
}

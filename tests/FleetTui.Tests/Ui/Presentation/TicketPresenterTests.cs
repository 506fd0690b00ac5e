using FleetTui.Host.Agents;
using FleetTui.Host.Merging;
using FleetTui.Host.Panes;
using FleetTui.Ui.Cockpit;
using FleetTui.Ui.Presentation;
using Shouldly;
using Xunit;

namespace FleetTui.Tests.Ui.Presentation;

public class TicketPresenterTests
{
    [Fact]
    public void Wraps_at_word_boundaries_and_cuts_words_longer_than_the_width()
    {
        TicketPresenter.Wrap("one two three four\nabcdefghijkl", 9).ShouldBe(["one two", "three", "four", "abcdefghi", "jkl"]);
    }

    [Fact]
    public void Shows_a_window_of_the_text_and_keeps_the_offset_in_range()
    {
        var ticket = new TaskTicket("tickets/a.md", string.Join("\n", Enumerable.Range(1, 30).Select(i => $"line {i}")));
        var offset = 100;

        var lines = TicketPresenter.Lines("api", ticket, 40, 12, ref offset).Select(l => l.Text).ToList();

        lines.Count.ShouldBe(12);
        lines[0].ShouldBe(" Ticket of api");
        lines[1].ShouldBe("  tickets/a.md");
        lines[3].ShouldBe("  line 24");
        lines[9].ShouldBe("  line 30");
        lines[11].ShouldStartWith("  lines 24-30 of 30");
        offset.ShouldBe(23);
    }
}

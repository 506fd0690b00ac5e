using FleetTui.Core.Session;
using FleetTui.Tests.Ui.Cockpit;
using FleetTui.Ui.Panes;
using Shouldly;
using Xunit;

namespace FleetTui.Tests.Ui.Panes;

public class PanePlaceholderTests
{
    [Fact]
    public void A_pending_task_just_says_so()
    {
        var lines = PanePlaceholder.Lines(FakeCockpitSession.Task("api", TaskPhase.Pending), 40, "Ctrl+G R");

        lines.ShouldBe(["", "  pending"]);
    }

    [Fact]
    public void A_task_whose_worktree_could_not_be_made_shows_why_wrapped_to_the_pane_and_the_key_that_tries_again()
    {
        var task = FakeCockpitSession.Task("api", TaskPhase.Pending) with
        {
            Note = "Could not create worktree for task 'api' (rolled back): fatal: failed to read .git/worktrees/web/commondir",
        };

        var lines = PanePlaceholder.Lines(task, 40, "Ctrl+G R");

        lines[1].ShouldBe("  could not create worktree");
        var why = lines.Skip(3).TakeWhile(l => l.Length > 0).ToList();
        why.ShouldAllBe(l => l.Length <= 38 && l.StartsWith("  ", StringComparison.Ordinal));
        string.Join(" ", why.Select(l => l.Trim())).ShouldBe(task.Note);
        lines[^1].ShouldBe("  Ctrl+G R tries again.");
        TaskStateText.NeedsAttention(task).ShouldBeTrue();
    }

    [Theory]
    [InlineData("one two three", 7, new[] { "one two", "three" })]
    [InlineData("abcdefghij", 4, new[] { "abcd", "efgh", "ij" })]
    [InlineData("a\nb", 10, new[] { "a", "b" })]
    public void Wraps_on_words_and_cuts_words_longer_than_a_line(string text, int width, string[] expected) =>
        PanePlaceholder.Wrap(text, width).ShouldBe(expected);
}

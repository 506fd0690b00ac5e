using FleetTui.Core.Session;
using Shouldly;
using Xunit;
using GuiKey = Terminal.Gui.Input.Key;

namespace FleetTui.Tests.Ui.Cockpit;

/// <summary>The review view in the real cockpit: the host reads the diff from real git, comments reach the agent's PTY.</summary>
public sealed partial class HostedCockpitTests
{
    private static readonly GuiKey Prefix = new GuiKey('g').WithCtrl;

    [Fact]
    public async Task Work_ready_for_review_is_reviewed_commented_and_approved_from_the_cockpit()
    {
        using var cockpit = await OpenAsync("[fleet]\nbase = \"main\"\nagent = [\"sh\"]\n\n[[task]]\nname = \"vat\"\n");
        cockpit.WaitUntil(() => cockpit.Fleet.Panes.All(p => p.Screen is not null));
        var worktree = _host!.Runtime.Snapshot.FindTask("vat")!.WorktreePath;
        await _repo!.CommitFileAsync("src/pricing.sh", "price() {\n  echo $(( $1 * 120 / 100 ))\n}\n", "VAT on prices", worktree);
        await _repo.CommitFileAsync("README.md", "# Shop\nPrices include VAT.\n", "say so", worktree);

        // The shell sits at its prompt (idle), the branch has commits, the worktree is clean: a human should look.
        cockpit.WaitUntil(() => cockpit.Text.Contains("ready for review"));

        cockpit.Press(Prefix);
        cockpit.Press(new GuiKey('v'));
        cockpit.WaitUntil(() => cockpit.Fleet.OpenedReview is not null);
        var text = cockpit.Text;
        text.ShouldContain("Review vat · fleet/vat against main · 2 files", customMessage: text);
        text.ShouldContain("── README.md (+", customMessage: text);
        text.ShouldContain("── src/pricing.sh (+3 −0) new", customMessage: text);

        // } goes to the first hunk, j to its first line: README.md's "# Shop".
        cockpit.Press(new GuiKey('}'));
        cockpit.Press(new GuiKey('j'));
        cockpit.Fleet.OpenedReview!.Model.CursorPlace.ShouldBe(("README.md", 1));
        cockpit.Press(new GuiKey('c'));
        cockpit.Type("say which VAT rate");
        cockpit.Press(GuiKey.Enter);
        cockpit.Text.ShouldContain("✎ say which VAT rate");

        cockpit.Press(new GuiKey('s'));
        cockpit.WaitUntil(() => cockpit.Text.Contains("sent 1 comment to vat's agent"));
        cockpit.Press(GuiKey.Esc);
        cockpit.WaitUntil(() => cockpit.Fleet.OpenedReview is null && cockpit.Text.Contains("- README.md:1: say which VAT rate"));

        cockpit.Press(Prefix);
        cockpit.Press(new GuiKey('v'));
        cockpit.WaitUntil(() => cockpit.Fleet.OpenedReview is not null);
        cockpit.Press(new GuiKey('a'));
        cockpit.WaitUntil(() => _host.Runtime.Snapshot.FindTask("vat")!.Phase == TaskPhase.Done && cockpit.Fleet.OpenedReview is null);
        cockpit.WaitUntil(() => cockpit.Text.Contains("vat approved"));
        var history = Path.Combine(_repo.CommonDir, "fleet", "reviews", "vat.json");
        File.Exists(history).ShouldBeTrue("each review round is kept in the task's history");
    }

    [Fact]
    public async Task Enter_in_the_merge_panel_opens_the_review_and_a_task_without_commits_says_there_is_nothing_to_review()
    {
        using var cockpit = await OpenAsync("[fleet]\nbase = \"main\"\nagent = [\"sh\"]\n\n[[task]]\nname = \"empty\"\n");
        cockpit.WaitUntil(() => cockpit.Fleet.Panes.All(p => p.Screen is not null));

        cockpit.Press(Prefix);
        cockpit.Press(GuiKey.M.WithShift);
        // The panel lists the plan once the host's snapshot reaches it: Enter before that would select nothing.
        cockpit.WaitUntil(() => cockpit.Fleet.MergePanel.Selected == "empty");
        cockpit.Press(GuiKey.Enter);

        cockpit.WaitUntil(() => cockpit.Fleet.OpenedReview is not null);
        cockpit.Text.ShouldContain("No committed changes against the base: nothing to review.");
        cockpit.Press(new GuiKey('q'));
        cockpit.Fleet.OpenedReview.ShouldBeNull();
    }

    [Fact]
    public async Task With_merge_on_approve_approving_merges_the_task_into_its_base()
    {
        using var cockpit = await OpenAsync("[fleet]\nbase = \"main\"\nagent = [\"sh\"]\nmerge_on_approve = true\n\n[[task]]\nname = \"vat\"\n");
        cockpit.WaitUntil(() => cockpit.Fleet.Panes.All(p => p.Screen is not null));
        var worktree = _host!.Runtime.Snapshot.FindTask("vat")!.WorktreePath;
        await _repo!.CommitFileAsync("src/pricing.sh", "price() { echo $1; }\n", "pricing", worktree);
        cockpit.WaitUntil(() => cockpit.Text.Contains("ready for review"));

        cockpit.Press(Prefix);
        cockpit.Press(new GuiKey('v'));
        cockpit.WaitUntil(() => cockpit.Fleet.OpenedReview is not null);
        cockpit.Press(new GuiKey('a'));

        cockpit.WaitUntil(() => _host.Runtime.Snapshot.FindTask("vat")?.Phase is TaskPhase.Merged or null);
        (await _repo.RunGitAsync("show", "main:src/pricing.sh")).ShouldContain("price()");
    }
}

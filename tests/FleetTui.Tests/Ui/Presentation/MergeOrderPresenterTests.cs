using FleetTui.Host.Agents;
using FleetTui.Host.Merging;
using FleetTui.Host.Panes;
using FleetTui.Core.Config;
using FleetTui.Core.Merging;
using FleetTui.Core.Session;
using FleetTui.Ui.Merging;
using FleetTui.Ui.Presentation;
using FleetTui.Ui.Views;
using Shouldly;
using Xunit;

namespace FleetTui.Tests.Ui.Presentation;

public class MergeOrderPresenterTests
{
    private static MergePlan Plan(int tasks) => MergePlanner.Plan(
        Enumerable.Range(1, tasks).Select(i => new TaskMergeFacts { Name = $"task{i}", Phase = TaskPhase.Active, AgentFinished = true, Ahead = 1 }).ToList(),
        ScopeEnforcement.Warn);

    private static List<string> Texts(IReadOnlyList<StyledLine> lines) => lines.Select(l => l.Text).ToList();

    [Fact]
    public void Shows_each_task_in_order_with_why_and_its_latest_activity()
    {
        var activity = MergeActivity.Idle.WithTask("task2", new TaskMergeActivity(TaskMergeActivityKind.GateRunning, "gate running…"));

        var lines = MergeOrderPresenter.Lines(Plan(2), activity, "task2", focused: true, hint: "n next", width: 40);

        Texts(lines).ShouldBe([" Merge order (keys here)", " n next", " 1. task1", "    ready", "›2. task2", "    ready", "    → gate running…"]);
        lines[4].Runs.ShouldAllBe(r => r.Role == TextRole.Selected);
        lines[6].Runs.ShouldAllBe(r => r.Role == TextRole.Accent);
    }

    [Fact]
    public void A_long_plan_scrolls_so_the_selected_task_stays_in_view()
    {
        var lines = MergeOrderPresenter.Lines(Plan(10), MergeActivity.Idle, "task9", focused: false, hint: null, width: 40, height: 8);

        var texts = Texts(lines);
        texts.Count.ShouldBeLessThanOrEqualTo(8);
        texts[0].ShouldBe(" Merge order");
        texts[1].ShouldStartWith(" ↑ ");
        texts.ShouldContain("›9. task9");
        texts.ShouldContain("    ready");
    }

    [Fact]
    public void A_short_plan_is_not_scrolled()
    {
        var texts = Texts(MergeOrderPresenter.Lines(Plan(2), MergeActivity.Idle, "task2", focused: false, hint: null, width: 40, height: 30));

        texts.ShouldNotContain(t => t.Contains('↑'));
        texts[1].ShouldBe(" 1. task1");
    }
}

using FleetTui.Core.Agents;
using FleetTui.Core.Session;
using FleetTui.Tests.Ui.Cockpit;
using FleetTui.Ui.Presentation;
using Shouldly;
using Xunit;

namespace FleetTui.Tests.Ui.Presentation;

public class AttentionPresenterTests
{
    private static SessionSnapshot Snapshot(params TaskSnapshot[] tasks) => new FakeCockpitSession(tasks).Snapshot;

    private static TaskSnapshot Agent(string name, AgentActivity activity, TaskPhase phase = TaskPhase.Active, int? code = null) =>
        FakeCockpitSession.Task(name, phase) with { Agent = new AgentState(activity, ExitCode: code) };

    [Fact]
    public void Waiting_exited_setup_failed_and_review_need_attention_working_idle_and_done_do_not()
    {
        var snapshot = Snapshot(
            Agent("working", AgentActivity.Working),
            Agent("waiting", AgentActivity.WaitingForInput),
            Agent("idle", AgentActivity.Idle),
            Agent("finished", AgentActivity.Exited, code: 0),
            Agent("crashed", AgentActivity.Exited, code: 2),
            Agent("done", AgentActivity.Exited, TaskPhase.Done, 0),
            Agent("setup", AgentActivity.NotStarted, TaskPhase.SetupFailed),
            Agent("review", AgentActivity.Idle, TaskPhase.Review));

        AttentionPresenter.Indexes(snapshot).ShouldBe([1, 3, 4, 6, 7]);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 3)]
    [InlineData(3, 1)]
    [InlineData(2, 3)]
    public void Next_goes_to_the_following_task_needing_attention_wrapping_around(int focused, int expected)
    {
        var snapshot = Snapshot(
            Agent("a", AgentActivity.Working), Agent("b", AgentActivity.WaitingForInput), Agent("c", AgentActivity.Idle), Agent("d", AgentActivity.Exited, code: 1));

        AttentionPresenter.Next(snapshot, focused).ShouldBe(expected);
    }

    [Fact]
    public void Next_is_minus_one_when_nothing_needs_attention_and_the_focused_task_when_it_is_the_only_one()
    {
        AttentionPresenter.Next(Snapshot(Agent("a", AgentActivity.Working)), 0).ShouldBe(-1);
        AttentionPresenter.Next(Snapshot(Agent("a", AgentActivity.WaitingForInput), Agent("b", AgentActivity.Idle)), 0).ShouldBe(0);
    }

    [Fact]
    public void Arrivals_are_the_agents_that_went_to_waiting_or_exited()
    {
        var before = Snapshot(Agent("a", AgentActivity.Working), Agent("b", AgentActivity.WaitingForInput), Agent("c", AgentActivity.Working));
        var after = Snapshot(Agent("a", AgentActivity.WaitingForInput), Agent("b", AgentActivity.WaitingForInput), Agent("c", AgentActivity.Exited, code: 3),
            Agent("new", AgentActivity.Idle));

        AttentionPresenter.Arrivals(before, after).ShouldBe([
            new AttentionEvent("a", AttentionKind.Waiting, "a is waiting for input"),
            new AttentionEvent("c", AttentionKind.Exited, "c: agent exited 3"),
        ]);
    }

    private static TaskSnapshot Committed(TaskSnapshot task, int ahead, int uncommitted = 0) =>
        task with { Status = new FleetTui.Core.Worktrees.BranchStatus { Ahead = ahead, Behind = 0, Uncommitted = uncommitted } };

    [Fact]
    public void Arrivals_include_stuck_agents_work_ready_for_review_failed_gates_and_conflicts()
    {
        var before = Snapshot(
            Agent("stuck", AgentActivity.Working),
            Committed(Agent("ready", AgentActivity.Working), 2),
            Committed(Agent("dirty", AgentActivity.Working), 2, uncommitted: 1),
            Agent("gate", AgentActivity.Idle),
            Agent("merge", AgentActivity.Idle, TaskPhase.Done));
        var after = Snapshot(
            Agent("stuck", AgentActivity.Stuck),
            Committed(Agent("ready", AgentActivity.Idle), 2),
            Committed(Agent("dirty", AgentActivity.Idle), 2, uncommitted: 1),
            Agent("gate", AgentActivity.Idle) with { Gate = new GateState(GateOutcome.Failed, RunNumber: 1) },
            Agent("merge", AgentActivity.Idle, TaskPhase.Review));

        AttentionPresenter.Arrivals(before, after).Select(e => (e.Task, e.Kind)).ShouldBe([
            ("stuck", AttentionKind.Stuck),
            ("ready", AttentionKind.Review),
            ("gate", AttentionKind.GateFailed),
            ("merge", AttentionKind.Conflict),
        ]);
    }

    [Fact]
    public void A_gate_that_fails_again_is_news_a_snapshot_that_only_repeats_a_failure_is_not()
    {
        var first = Snapshot(Agent("gate", AgentActivity.Idle) with { Gate = new GateState(GateOutcome.Failed, RunNumber: 1) });
        var again = Snapshot(Agent("gate", AgentActivity.Idle) with { Gate = new GateState(GateOutcome.Failed, RunNumber: 2) });

        AttentionPresenter.Arrivals(first, first).ShouldBeEmpty();
        AttentionPresenter.Arrivals(first, again).Single().Message.ShouldBe("gate: gate failed");
    }

    [Fact]
    public void Work_ready_for_review_needs_attention_and_says_so_idle_without_commits_does_not()
    {
        var ready = Committed(Agent("ready", AgentActivity.Idle), 3);
        var dirty = Committed(Agent("dirty", AgentActivity.Idle), 3, uncommitted: 2);
        var empty = Committed(Agent("empty", AgentActivity.Idle), 0);

        FleetTui.Ui.Panes.TaskStateText.Describe(ready).ShouldBe("ready for review");
        FleetTui.Ui.Panes.TaskStateText.Describe(dirty).ShouldBe("idle, uncommitted changes");
        FleetTui.Ui.Panes.TaskStateText.Describe(empty).ShouldBe("idle");
        AttentionPresenter.Indexes(Snapshot(ready, dirty, empty)).ShouldBe([0]);
    }
}

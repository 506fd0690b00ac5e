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
    public void Arrivals_are_the_transitions_to_waiting_or_exited_only()
    {
        var before = Snapshot(Agent("a", AgentActivity.Working), Agent("b", AgentActivity.WaitingForInput), Agent("c", AgentActivity.Working));
        var after = Snapshot(Agent("a", AgentActivity.WaitingForInput), Agent("b", AgentActivity.WaitingForInput), Agent("c", AgentActivity.Exited, code: 3),
            Agent("new", AgentActivity.Idle));

        AttentionPresenter.Arrivals(before, after).ShouldBe([
            new AttentionEvent("a", AttentionKind.Waiting, "a is waiting for input"),
            new AttentionEvent("c", AttentionKind.Exited, "c: agent exited 3"),
        ]);
    }
}

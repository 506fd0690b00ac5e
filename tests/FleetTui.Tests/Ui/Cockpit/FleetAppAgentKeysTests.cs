using FleetTui.Ui.Presentation;
using FleetTui.Host.Agents;
using FleetTui.Host.Merging;
using FleetTui.Host.Panes;
using FleetTui.Core.Agents;
using FleetTui.Core.Session;
using FleetTui.Ui.Cockpit;
using FleetTui.Ui.Config;
using Shouldly;
using Xunit;
using GuiKey = Terminal.Gui.Input.Key;

namespace FleetTui.Tests.Ui.Cockpit;

/// <summary>The agents' keys and attention in the real cockpit under the headless driver.</summary>
public class FleetAppAgentKeysTests
{
    private static readonly GuiKey Prefix = GuiKey.G.WithCtrl;

    private static TaskSnapshot Exited(string name, int code) =>
        FakeCockpitSession.Task(name) with { Agent = new AgentState(AgentActivity.Exited, StateSource.Process, ExitCode: code) };

    private static CockpitHarness FourTasks() => new(new FakeCockpitSession(
        FakeCockpitSession.Task("api"),
        FakeCockpitSession.Task("web", activity: AgentActivity.WaitingForInput),
        FakeCockpitSession.Task("docs", TaskPhase.Blocked, AgentActivity.NotStarted, "api"),
        Exited("jobs", 0)));

    // Snapshot changes reach the UI through app.Invoke, which the next draw runs (as FleetAppTests relies on).
    private static void RunQueued(CockpitHarness cockpit) => cockpit.Draw();

    [Fact]
    public void Counts_tasks_waiting_or_exited_in_the_status_bar_and_marks_them_in_the_sidebar()
    {
        using var cockpit = FourTasks();

        var text = cockpit.Text;
        text.ShouldContain("!2 web");
        text.ShouldContain("!4 jobs");
        text.ShouldContain(" 1 api");
        text.ShouldContain("2 need attention");
    }

    [Fact]
    public void Next_attention_jumps_to_each_task_needing_attention_in_turn_and_wraps()
    {
        using var cockpit = FourTasks();

        cockpit.Press(Prefix);
        cockpit.Press(GuiKey.A);
        cockpit.Fleet.FocusedIndex.ShouldBe(1);
        cockpit.Text.ShouldContain("NORMAL │ web");

        cockpit.Press(Prefix);
        cockpit.Press(GuiKey.A);
        cockpit.Fleet.FocusedIndex.ShouldBe(3);

        cockpit.Press(Prefix);
        cockpit.Press(GuiKey.A);
        cockpit.Fleet.FocusedIndex.ShouldBe(1);
    }

    [Fact]
    public void Next_attention_leaves_the_focus_alone_when_nothing_needs_attention()
    {
        using var cockpit = new CockpitHarness(new FakeCockpitSession(FakeCockpitSession.Task("api"), FakeCockpitSession.Task("web")));
        cockpit.Fleet.Focus(1);

        cockpit.Press(Prefix);
        cockpit.Press(GuiKey.A);

        cockpit.Fleet.FocusedIndex.ShouldBe(1);
        cockpit.Text.ShouldNotContain("attention");
    }

    [Fact]
    public void Lifecycle_keys_stop_restart_with_continue_and_mark_done_the_focused_task()
    {
        using var cockpit = FourTasks();
        cockpit.Fleet.Focus(1);

        cockpit.Press(Prefix);
        cockpit.Press(GuiKey.S);
        cockpit.Press(Prefix);
        cockpit.Press(GuiKey.R.WithShift);
        cockpit.Press(Prefix);
        cockpit.Press(GuiKey.R);
        cockpit.Press(Prefix);
        cockpit.Press(GuiKey.D.WithShift);

        cockpit.Session.Stopped.ShouldBe(["web"]);
        cockpit.Session.RestartedWith.ShouldBe([("web", true)]);
        cockpit.Session.Restarted.ShouldBe(["web"]);
        cockpit.Session.MarkedDone.ShouldBe(["web"]);
    }

    [Fact]
    public void The_ticket_key_shows_the_focused_tasks_ticket_and_any_other_key_closes_it()
    {
        using var cockpit = FourTasks();
        cockpit.Session.Tickets["api"] = new TaskTicket("tickets/api.md + context docs/solution.md", "Use cents.\n\n---\n\nBuild the API with tests.");

        cockpit.Press(Prefix);
        cockpit.Press(GuiKey.T);

        cockpit.WaitUntil(() => cockpit.Fleet.IsOverlayVisible);
        var text = cockpit.Text;
        text.ShouldContain("Ticket of api");
        text.ShouldContain("tickets/api.md + context docs/solution.md");
        text.ShouldContain("Build the API with tests.");
        cockpit.Fleet.IsOverlayVisible.ShouldBeTrue();

        cockpit.Press(GuiKey.Q);
        cockpit.Fleet.IsOverlayVisible.ShouldBeFalse();
        cockpit.Text.ShouldNotContain("Ticket of api");
    }

    [Fact]
    public void The_ticket_view_says_so_when_the_task_has_no_ticket()
    {
        using var cockpit = FourTasks();

        cockpit.Press(Prefix);
        cockpit.Press(GuiKey.T);

        cockpit.WaitUntil(() => cockpit.Text.Contains("This task has no ticket or prompt"));
    }

    [Fact]
    public void Alerts_the_outer_terminal_as_configured_when_a_task_starts_waiting_or_exits()
    {
        var session = new FakeCockpitSession(FakeCockpitSession.Task("api"), FakeCockpitSession.Task("web"));
        using var cockpit = new CockpitHarness(session, notify: NotifySettings.None.With(AttentionKind.Waiting, [OuterAlert.Bell, OuterAlert.Osc9]).With(AttentionKind.Exited, [OuterAlert.Osc777]));
        cockpit.Session.Publish(session.Snapshot with { Version = 2 });
        RunQueued(cockpit);
        cockpit.OuterWrites.ToString().ShouldBeEmpty();

        cockpit.Session.Publish(session.Snapshot with
        {
            Version = 3,
            Tasks = [FakeCockpitSession.Task("api", activity: AgentActivity.WaitingForInput), Exited("web", 1)],
        });
        RunQueued(cockpit);

        cockpit.OuterWrites.ToString().ShouldBe("\a\e]9;api is waiting for input\a\e]777;notify;fleet;web: agent exited 1\a");
        cockpit.Text.ShouldContain("2 need attention");
    }

    [Fact]
    public void Sends_no_alert_when_none_is_configured()
    {
        var session = new FakeCockpitSession(FakeCockpitSession.Task("api"));
        using var cockpit = new CockpitHarness(session, notify: NotifySettings.None);
        cockpit.Session.Publish(session.Snapshot with { Version = 2 });
        RunQueued(cockpit);

        cockpit.Session.Publish(session.Snapshot with { Version = 3, Tasks = [FakeCockpitSession.Task("api", activity: AgentActivity.WaitingForInput)] });
        RunQueued(cockpit);

        cockpit.OuterWrites.ToString().ShouldBeEmpty();
        cockpit.Text.ShouldContain("1 needs attention");
    }

    [Fact]
    public void The_sidebar_says_where_a_running_agents_state_came_from()
    {
        using var cockpit = new CockpitHarness(new FakeCockpitSession(
            FakeCockpitSession.Task("api") with { Agent = new AgentState(AgentActivity.Working, StateSource.Hook) },
            FakeCockpitSession.Task("web") with { Agent = new AgentState(AgentActivity.Idle, StateSource.Screen) { Confidence = 0.7 } },
            FakeCockpitSession.Task("docs") with { Agent = new AgentState(AgentActivity.Idle, StateSource.Activity) { Confidence = 0.45 } }),
            width: 180);

        var text = cockpit.Text;
        text.ShouldContain("via hook ·");
        text.ShouldContain("via screen ·");
        text.ShouldContain("via activity (unsure)");
    }
}

using FleetTui.Core.Session;
using FleetTui.Host.Protocol;
using FleetTui.Host.Runtime;
using Shouldly;
using Xunit;
using GuiKey = Terminal.Gui.Input.Key;

namespace FleetTui.Tests.Ui.Cockpit;

/// <summary>A task's services as secondary panes: started with the agent by the real host, shown in the task's pane with Ctrl+G w.</summary>
public sealed partial class HostedCockpitTests
{
    private const string ShellService = """
        [fleet]
        base = "main"
        agent = ["sh"]

        [services.web]
        command = "echo web-banner-$FLEET_SERVICE; exec sh"

        [[task]]
        name = "api"
        """;

    private static void PressPrefixAnd(CockpitHarness cockpit, char key)
    {
        cockpit.Press(new GuiKey('g').WithCtrl);
        cockpit.Press(new GuiKey(key));
    }

    private static string PaneText(CockpitHarness cockpit, int index)
    {
        var pane = cockpit.Fleet.Panes[index].Frame;
        return string.Join("\n", cockpit.Lines().Skip(pane.Y).Take(pane.Height).Where(line => line.Length > pane.X).Select(line => line.Substring(pane.X)));
    }

    [Fact]
    public async Task Prefix_w_turns_the_pane_to_its_tasks_service_which_started_with_the_agent_and_takes_the_keys_then_back_to_the_agent()
    {
        using var cockpit = await OpenAsync(ShellService);
        cockpit.WaitUntil(() => cockpit.Fleet.Panes.All(p => p.Screen is not null) && cockpit.Text.Contains("web up"));

        PressPrefixAnd(cockpit, 'w');

        cockpit.Fleet.Panes[0].ScreenKey.ShouldBe("api/web");
        cockpit.WaitUntil(() => PaneText(cockpit, 0).Contains("web-banner-web") && PaneText(cockpit, 0).Contains("1 api · web up"));
        cockpit.Type("echo service-$((6*7))");
        cockpit.Press(GuiKey.Enter);
        cockpit.WaitUntil(() => PaneText(cockpit, 0).Contains("service-42"));

        PressPrefixAnd(cockpit, 'w');

        cockpit.Fleet.Panes[0].Service.ShouldBeNull();
        cockpit.WaitUntil(() => PaneText(cockpit, 0).Contains("1 api · fleet/api") && !PaneText(cockpit, 0).Contains("service-42"));
        _host!.Runtime.PaneText("api", 0).Contains("service-42", StringComparison.Ordinal).ShouldBeFalse("the keys went to the service, not the agent");
        _host.Runtime.PaneText("api/web", 0).ShouldContain("service-42");
    }

    [Fact]
    public async Task A_service_stopped_by_hand_leaves_its_pane_saying_how_to_start_it_and_a_restart_of_the_agent_does_not_start_it()
    {
        using var cockpit = await OpenAsync(ShellService);
        cockpit.WaitUntil(() => cockpit.Fleet.Panes.All(p => p.Screen is not null) && cockpit.Text.Contains("web up"));
        PressPrefixAnd(cockpit, 'w');
        cockpit.WaitUntil(() => PaneText(cockpit, 0).Contains("web-banner-web"));

        (await _host!.Runtime.ControlServicesAsync("api", "web", ServiceAction.Stop)).Succeeded.ShouldBeTrue();

        cockpit.WaitUntil(() => cockpit.Fleet.Panes[0].Screen is null && PaneText(cockpit, 0).Contains("fleet services start api web"));
        PaneText(cockpit, 0).ShouldContain("1 api · web stopped");
        var relaunched = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _host.Runtime.ServicesAutostarted += task => relaunched.TrySetResult();
        _host.Runtime.RestartAgent("api", continueSession: false);
        await relaunched.Task.WaitAsync(TimeSpan.FromSeconds(20));
        _host.Runtime.TerminalFor(PaneKey.ForService("api", "web")).ShouldBeNull("stopped by hand: the agent's restart leaves it stopped");
    }

    [Fact]
    public async Task Prefix_r_and_s_on_a_pane_showing_a_service_restart_and_stop_the_service_and_leave_the_agent_alone()
    {
        using var cockpit = await OpenAsync(ShellService);
        cockpit.WaitUntil(() => cockpit.Fleet.Panes.All(p => p.Screen is not null) && cockpit.Text.Contains("web up"));
        var agent = _host!.Runtime.TerminalFor("api");
        var service = _host.Runtime.TerminalFor(PaneKey.ForService("api", "web"));
        PressPrefixAnd(cockpit, 'w');
        cockpit.WaitUntil(() => PaneText(cockpit, 0).Contains("web-banner-web"));

        PressPrefixAnd(cockpit, 'r');

        cockpit.WaitUntil(() => _host.Runtime.TerminalFor(PaneKey.ForService("api", "web")) is { } now && !ReferenceEquals(now, service) && cockpit.Text.Contains("web up"));
        _host.Runtime.TerminalFor("api").ShouldBeSameAs(agent, "the agent was not restarted");

        PressPrefixAnd(cockpit, 's');

        cockpit.WaitUntil(() => _host.Runtime.TerminalFor(PaneKey.ForService("api", "web")) is null && PaneText(cockpit, 0).Contains("fleet services start api web"));
        _host.Runtime.TerminalFor("api").ShouldBeSameAs(agent);
        _host.Runtime.Snapshot.FindTask("api")!.Agent.Activity.ShouldNotBe(FleetTui.Core.Agents.AgentActivity.Exited, "the agent was not stopped");
    }

    [Fact]
    public async Task Prefix_w_on_a_task_without_services_says_so_and_keeps_the_agent()
    {
        using var cockpit = await OpenAsync("[fleet]\nbase = \"main\"\nagent = [\"sh\"]\n\n[[task]]\nname = \"api\"\n");
        cockpit.WaitUntil(() => cockpit.Fleet.Panes.All(p => p.Screen is not null));

        PressPrefixAnd(cockpit, 'w');

        cockpit.Fleet.Panes[0].Service.ShouldBeNull();
        cockpit.Fleet.StatusMessage.ShouldBe("api runs no services ([services.<name>] in fleet.toml)");
    }
}

using FleetTui.Core.Config;
using FleetTui.Core.Session;
using FleetTui.Core.Tests.Support;
using FleetTui.Host.Client;
using FleetTui.Host.Protocol;
using FleetTui.Host.Runtime;
using FleetTui.Host.Server;
using FleetTui.Terminal.Pty;
using FleetTui.Ui.Cockpit;
using Shouldly;
using Xunit;
using GuiKey = Terminal.Gui.Input.Key;

namespace FleetTui.Tests.Ui.Cockpit;

/// <summary>
/// The real cockpit, headless, on a real fleet host in this process (the in-process transport: the host's protocol over
/// a pipe, no socket), with real shells on real PTYs in a real repository's worktrees.
/// </summary>
public sealed partial class HostedCockpitTests : IAsyncLifetime
{
    private TempRepo? _repo;
    private FleetHost? _host;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_host is not null)
            await _host.DisposeAsync();
        _repo?.Dispose();
    }

    private async Task<CockpitHarness> OpenAsync(string fleetToml)
    {
        _repo = await TempRepo.CreateAsync();
        await _repo.CommitFileAsync("fleet.toml", fleetToml, "fleet");
        var runtime = new FleetRuntime(new UnixPtyHost(), "/bin/sh");
        await runtime.OpenAsync(new FleetSessionOptions
        {
            RepositoryDirectory = _repo.Path, Config = ConfigLoader.Parse(fleetToml, Path.Combine(_repo.Path, "fleet.toml")), Git = _repo.Git,
        }, CancellationToken.None);
        _host = new FleetHost(runtime);
        var client = await HostClient.ConnectAsync(_host.ConnectInProcess(), new ClientMessage.Hello(ProtocolVersion.Current, ClientKind.Cockpit));
        return new CockpitHarness(new HostCockpitSession(client, readOnly: false), 120, 30);
    }

    [Fact]
    public async Task Typing_in_a_pane_reaches_its_shell_through_the_host_and_its_answer_is_drawn()
    {
        using var cockpit = await OpenAsync("[fleet]\nbase = \"main\"\nagent = [\"sh\"]\n\n[[task]]\nname = \"api\"\n\n[[task]]\nname = \"web\"\n");
        cockpit.WaitUntil(() => cockpit.Fleet.Panes.All(p => p.Screen is not null));

        cockpit.Press(GuiKey.D2.WithAlt);
        cockpit.Type("echo hosted-$((6*7))");
        cockpit.Press(GuiKey.Enter);

        cockpit.WaitUntil(() => cockpit.Text.Contains("hosted-42"));
        var pane = cockpit.Fleet.Panes[1].Frame;
        var inWebsPane = cockpit.Lines().Skip(pane.Y).Take(pane.Height).Where(line => line.Length > pane.X).Select(line => line.Substring(pane.X));
        inWebsPane.ShouldContain(text => text.Contains("hosted-42"), "the answer in web's pane");
    }

    [Fact]
    public async Task Destroying_an_added_task_takes_its_pane_away_and_a_resize_after_it_is_fine()
    {
        using var cockpit = await OpenAsync("[fleet]\nbase = \"main\"\nagent = [\"sh\"]\n\n[[task]]\nname = \"api\"\n");
        (await _host!.Runtime.SendAsync(new SessionCommand.NewTask("web"))).Succeeded.ShouldBeTrue();
        cockpit.WaitUntil(() => cockpit.Fleet.Panes.Count == 2 && cockpit.Fleet.Panes.All(p => p.Screen is not null));

        var result = await _host.Runtime.DestroyTaskAsync("web", force: false, confirmedLoss: FleetTui.Core.Worktrees.WorktreeLoss.None, stopAgent: true);

        result.Succeeded.ShouldBeTrue(result.Message);
        cockpit.WaitUntil(() => cockpit.Fleet.Panes.Count == 1);
        cockpit.Resize(80, 24);
        cockpit.Press(new GuiKey('z').WithCtrl);
        cockpit.Text.ShouldContain("1 api · fleet/api");
        cockpit.Text.ShouldNotContain("web · fleet/web");
    }

    [Fact]
    public async Task Destroying_a_declared_task_leaves_its_pane_saying_so_not_the_dead_agents_screen()
    {
        using var cockpit = await OpenAsync("[fleet]\nbase = \"main\"\nagent = [\"sh\"]\n\n[[task]]\nname = \"api\"\n\n[[task]]\nname = \"web\"\n");
        cockpit.WaitUntil(() => cockpit.Fleet.Panes.All(p => p.Screen is not null));

        (await _host!.Runtime.DestroyTaskAsync("web", force: false, confirmedLoss: FleetTui.Core.Worktrees.WorktreeLoss.None, stopAgent: true)).Succeeded.ShouldBeTrue();

        cockpit.WaitUntil(() => cockpit.Fleet.Panes[1].Screen is null && cockpit.Text.Contains("2 web · fleet/web · pending"));
        cockpit.Text.ShouldNotContain("killed by");
    }

    [Fact]
    public async Task Prefix_e_explains_the_focused_agents_state_as_the_host_sees_it()
    {
        using var cockpit = await OpenAsync("[fleet]\nbase = \"main\"\nagent = [\"sh\"]\n\n[[task]]\nname = \"api\"\n");
        cockpit.WaitUntil(() => cockpit.Fleet.Panes.All(p => p.Screen is not null));
        cockpit.Press(new GuiKey('g').WithCtrl);
        cockpit.Press(new GuiKey('e'));

        cockpit.WaitUntil(() => cockpit.Text.Contains("Why api is in its state"));
        // The host's explanation, whose first line is "state: <state>, since …" (the state itself may move on meanwhile).
        _host!.Runtime.ExplainAgent("api")!.ShouldStartWith("state:");
        cockpit.Text.ShouldContain("state:");
    }
}

using FleetTui.Core.Tests.Support;
using FleetTui.Host.Agents;
using FleetTui.Tests.Cli;
using FleetTui.Tests.Demo;
using FleetTui.Tests.Host;
using Shouldly;
using Xunit;

namespace FleetTui.Tests.EndToEnd.Ssh;

/// <summary>
/// The cockpit's own way to a remote host's tasks, on the real <c>fleet</c> in tmux over a loopback sshd: the new-task
/// form makes a task on the host picked in its Host field (its agent runs there, nothing is made here), and quitting
/// with "stop all" stops that host's agents and fleet host as well as this machine's.
/// </summary>
[Collection(CockpitEndToEndCollection.Name)]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public class RemoteCockpitTaskEndToEndTests
{
    private static readonly TimeSpan Slow = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task The_new_task_form_makes_a_task_on_the_picked_host_and_stop_all_stops_both_hosts()
    {
        using var local = await TempRepo.CreateAsync();
        local.WriteFile("fleet.toml", "[fleet]\nagent = [\"sh\"]\n");
        await local.CommitAllAsync("fleet.toml");
        await using var remote = await RemoteMachine.StartAsync(local);
        await File.AppendAllTextAsync(Path.Combine(local.Path, "fleet.toml"), remote.HostToml() + "\n[[task]]\nname = \"web\"\n");
        var localHosts = Path.Combine(local.RootDir, "hosts");

        await using var tmux = new CockpitTmux();
        try
        {
            await tmux.StartAsync(local.Path, remote.CockpitEnvironment(local, localHosts), FleetTui.Tests.Demo.FleetExecutable.Argv());
            await ScreenAsync(tmux, s => s.Contains("── box: connected") && s.Contains("1 web · fleet/web"), "the local task and the connected host");

            await tmux.SendKeysAsync("C-g", "n");
            await ScreenAsync(tmux, s => s.Contains("New task") && s.Contains("Host"), "the form with a Host field");
            await tmux.TypeAsync("api");
            await tmux.SendKeysAsync("Tab", "Tab", "Tab", "Tab");
            await ScreenAsync(tmux, s => s.Contains("Up/Down pick a host (box)"), "the Host field's hint");
            await tmux.SendKeysAsync("Down");
            await ScreenAsync(tmux, s => System.Text.RegularExpressions.Regex.IsMatch(s, @"Host\s+box"), "box picked");
            await tmux.SendKeysAsync("Enter");

            await ScreenAsync(tmux, s => s.Contains("2 api · fleet/api") && !s.Contains("New task"), "the remote task's pane");
            var remoteAgents = Path.Combine(remote.ClonePath, ".git", "fleet");
            var agent = await Eventually.HoldsAsync(() => Task.FromResult(AgentRecords.Load(remoteAgents).All.FirstOrDefault(a => a.Task == "api")),
                a => a is not null, "api's agent recorded on the remote host", Slow);
            AgentRecords.Load(Path.Combine(local.Path, ".git", "fleet")).All.ShouldNotContain(a => a.Task == "api", "nothing of api runs here");
            Directory.Exists(Path.Combine(local.Path, ".git", "worktrees", "api")).ShouldBeFalse("no worktree of api here");
            var web = await Eventually.HoldsAsync(() => Task.FromResult(AgentRecords.Load(Path.Combine(local.Path, ".git", "fleet")).All.FirstOrDefault(a => a.Task == "web")),
                a => a is not null, "web's agent recorded here", Slow);

            await tmux.SendKeysAsync("M-2");
            await ScreenAsync(tmux, s => s.Contains("NORMAL │ api"), "api focused");
            await tmux.TypeAsync("echo on-box-$((6*7))");
            await tmux.SendKeysAsync("Enter");
            await ScreenAsync(tmux, s => s.Contains("on-box-42"), "the remote agent answering in its pane");

            await tmux.SendKeysAsync("C-g", "q");
            await ScreenAsync(tmux, s => s.Contains("Agents still running: 1 here, 1 on box") && s.Contains("a  stop all: here and on box"), "the quit prompt naming both hosts");
            await tmux.SendKeysAsync("a");
            await Eventually.HoldsAsync(tmux.IsDeadAsync, dead => dead, "the cockpit to leave once both hosts stopped", Slow);
            await Eventually.HoldsAsync(() => Task.FromResult(FleetHosts.IsAlive(agent!.Pid)), alive => !alive, "the remote agent stopped", Slow);
            await Eventually.HoldsAsync(() => Task.FromResult(FleetHosts.IsAlive(agent!.HostPid)), alive => !alive, "the remote fleet host stopped", Slow);
            await Eventually.HoldsAsync(() => Task.FromResult(FleetHosts.IsAlive(web!.Pid)), alive => !alive, "the local agent stopped", Slow);
        }
        finally
        {
            FleetHosts.StopAll(localHosts);
        }
    }


    private static Task<string> ScreenAsync(CockpitTmux tmux, Func<string, bool> condition, string what) =>
        Eventually.HoldsAsync(tmux.CaptureAsync, condition, what, Slow);
}

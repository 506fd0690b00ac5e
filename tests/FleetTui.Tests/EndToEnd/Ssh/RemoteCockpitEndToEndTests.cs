using FleetTui.Core.Tests.Support;
using FleetTui.Host.Agents;
using FleetTui.Tests.Cli;
using FleetTui.Tests.Demo;
using FleetTui.Tests.Host;
using System.Text.RegularExpressions;
using Shouldly;
using Xunit;

namespace FleetTui.Tests.EndToEnd.Ssh;

/// <summary>
/// One cockpit, two hosts: the real <c>fleet</c> under tmux on this machine shows a local task and a task of a remote
/// host (a second local user behind a loopback sshd). The remote agent floods; the ssh connection is killed (its shared
/// master and our client, as a dropped network does); the remote pane says so and keeps its last screen, the cockpit
/// stays responsive, reconnects by itself and shows the agent's current screen: same agent, nothing lost.
/// </summary>
[Collection(CockpitEndToEndCollection.Name)]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public class RemoteCockpitEndToEndTests
{
    private static readonly TimeSpan Slow = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_remote_pane_survives_a_killed_ssh_connection_and_shows_the_agents_current_screen_after_the_reconnect()
    {
        using var local = await TempRepo.CreateAsync();
        local.WriteFile("fleet.toml", "[fleet]\nagent = [\"sh\"]\n");
        await local.CommitAllAsync("fleet.toml");
        await using var remote = await RemoteMachine.StartAsync(local);
        await File.AppendAllTextAsync(Path.Combine(local.Path, "fleet.toml"), remote.HostToml() + "\n[[task]]\nname = \"web\"\n");
        var localHosts = Path.Combine(local.RootDir, "hosts");
        var environment = remote.LocalEnvironment(localHosts);
        VerbRunner.RunWith(local, environment, "new", "api", "--host", "box").ExitCode.ShouldBe(0);
        var agentPid = AgentRecords.Load(Path.Combine(remote.ClonePath, ".git", "fleet")).All.Single().Pid;
        var stop = Path.Combine(remote.Folder, "stop-flood");

        await using var tmux = new CockpitTmux();
        try
        {
            await tmux.StartAsync(local.Path, remote.CockpitEnvironment(local, localHosts), FleetTui.Tests.Demo.FleetExecutable.Argv());
            await ScreenAsync(tmux, s => s.Contains("── local") && s.Contains("── box: connected") && s.Contains("2 api · fleet/api"), "the remote host's group and pane");
            await tmux.SendKeysAsync("M-2");
            await ScreenAsync(tmux, s => s.Contains("NORMAL │ api"), "api focused");
            await tmux.TypeAsync($"i=0; while [ ! -e {LoopbackSshd.Quote(stop)} ]; do i=$((i+1)); echo flood-$i; done; echo flood-ended-$((6*7))");
            await tmux.SendKeysAsync("Enter");
            await ScreenAsync(tmux, s => s.Contains("flood-1"), "the remote agent flooding in the local pane");

            // The network goes: the shared ssh master and the cockpit's own ssh die without a word.
            KillSsh(await SshMasterPidAsync(remote, localHosts), await tmux.ProgramPidAsync());

            // "reconnecting 1s" until the first attempt, which may fail ("unreachable: …") while the new connection is
            // set up: a capture of a loaded machine can miss the first second, so either state counts as saying so.
            var down = await ScreenAsync(tmux, s => Regex.IsMatch(s, @"api · fleet/api · box (reconnecting|unreachable)") && Regex.IsMatch(s, "── box: (reconnecting|unreachable)"),
                "the pane and the sidebar saying so");
            down.ShouldContain("flood-", customMessage: "the pane keeps its last screen");
            // The cockpit does not wait on ssh: the local pane answers meanwhile.
            await tmux.SendKeysAsync("M-1");
            await ScreenAsync(tmux, s => s.Contains("NORMAL │ web"), "web focused while box is down");
            await tmux.TypeAsync("echo local-$((3*4))");
            await tmux.SendKeysAsync("Enter");
            await ScreenAsync(tmux, s => s.Contains("local-12"), "the local agent's answer while box is down");

            // Stopped while we may still be away: the reconnect shows the screen as it is now on the remote host.
            await File.WriteAllTextAsync(stop, "");
            await ScreenAsync(tmux, s => s.Contains("── box: connected") && s.Contains("flood-ended-42"), "the current remote screen after the reconnect");
            await tmux.SendKeysAsync("M-2");
            await ScreenAsync(tmux, s => s.Contains("NORMAL │ api"), "api focused again");
            await tmux.TypeAsync("echo after-reconnect-$((5*5))");
            await tmux.SendKeysAsync("Enter");
            await ScreenAsync(tmux, s => s.Contains("after-reconnect-25"), "keys reaching the remote agent after the reconnect");
            // Scroll mode reads the remote host's history as a local pane's: the flood is there, above the screen.
            await tmux.SendKeysAsync("C-g", "[");
            await tmux.SendKeysAsync("PageUp");
            // The title moves at once; the page above comes from the remote host.
            await ScreenAsync(tmux, s => System.Text.RegularExpressions.Regex.IsMatch(s, @"2 api · fleet/api · .* · scroll -\d+")
                && !s.Contains("after-reconnect-25") && s.Contains("flood-"), "the remote pane scrolled back a page, into the flood");
            await tmux.SendKeysAsync("q");
            await ScreenAsync(tmux, s => !s.Contains("· scroll -") && s.Contains("after-reconnect-25"), "back to the live screen");

            AgentRecords.Load(Path.Combine(remote.ClonePath, ".git", "fleet")).All.Single().Pid.ShouldBe(agentPid, "the same agent, never restarted");
            FleetHosts.IsAlive(agentPid).ShouldBeTrue();
            await tmux.SendKeysAsync("C-g", "d");
            await Eventually.HoldsAsync(tmux.IsDeadAsync, dead => dead, "the cockpit to detach", Slow);
        }
        finally
        {
            FleetHosts.StopAll(localHosts);
        }
    }


    /// <summary>The pid of the shared ssh connection to the remote host (<c>ssh -O check</c> asks the master itself).</summary>
    private static async Task<int> SshMasterPidAsync(RemoteMachine remote, string localHosts)
    {
        var check = await FleetTui.Host.Remote.SshProcess.RunAsync(
            ["ssh", "-F", remote.SshConfig, "-o", $"ControlPath={Path.Combine(localHosts, "ssh", "%C")}", "-O", "check", RemoteMachine.Alias], CancellationToken.None);
        var match = System.Text.RegularExpressions.Regex.Match(check.Error, @"pid=(\d+)");
        match.Success.ShouldBeTrue($"ssh -O check: {check.Error}");
        return int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>SIGKILL to the master and to every ssh the cockpit runs.</summary>
    private static void KillSsh(int master, int cockpit)
    {
        var pids = new List<int> { master };
        foreach (var stat in Directory.EnumerateDirectories("/proc").Select(d => Path.Combine(d, "stat")))
        {
            string text;
            try
            {
                text = File.ReadAllText(stat);
            }
            catch (IOException)
            {
                continue;
            }
            catch (UnauthorizedAccessException)
            {
                continue;
            }
            // "pid (comm) state ppid ...": comm may hold spaces, the fields after the last ')' do not.
            var close = text.LastIndexOf(')');
            var comm = text[(text.IndexOf('(') + 1)..close];
            var fields = text[(close + 2)..].Split(' ');
            if (comm == "ssh" && fields[1] == cockpit.ToString(System.Globalization.CultureInfo.InvariantCulture))
                pids.Add(int.Parse(text[..text.IndexOf(' ')], System.Globalization.CultureInfo.InvariantCulture));
        }
        pids.Count.ShouldBeGreaterThan(1, "the cockpit runs an ssh to the remote host");
        foreach (var pid in pids)
        {
            try
            {
                using var process = System.Diagnostics.Process.GetProcessById(pid);
                process.Kill();
            }
            catch (ArgumentException)
            {
                // Already gone (the client ends with its master).
            }
        }
    }

    private static Task<string> ScreenAsync(CockpitTmux tmux, Func<string, bool> condition, string what) =>
        Eventually.HoldsAsync(tmux.CaptureAsync, condition, what, Slow);
}

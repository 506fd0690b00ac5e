using FleetTui.Host.Agents;
using FleetTui.Host.Client;
using FleetTui.Host.Protocol;
using FleetTui.Tests.Demo;
using Shouldly;
using Xunit;

namespace FleetTui.Tests.Host.Server;

/// <summary>A fleet host that dies (SIGKILL): the next one finds what it left behind, stops it, and continues each session.</summary>
[Collection(FleetHostCollection.Name)]
public class FleetHostRecoveryTests
{
    private static readonly TimeSpan Slow = TimeSpan.FromSeconds(30);

    /// <summary>An agent that ignores SIGHUP (it survives its terminal closing) and prints the arguments it got.</summary>
    private const string StubbornAgent = """
        [fleet]
        base = "main"

        [agents.stubborn]
        command = ["sh", "-c", "trap '' HUP; echo run-args:[$*] pid:$$; while :; do sleep 1; done", "sh"]
        continue_args = ["--continue"]

        [[task]]
        name = "api"
        agent = "stubborn"
        """;

    [Fact]
    public async Task After_the_host_is_killed_the_next_one_stops_the_agent_it_left_and_continues_the_session_once()
    {
        await using var host = await RunningHost.StartAsync(StubbornAgent);
        int firstAgent;
        await using (var cockpit = await host.ConnectAsync())
        {
            var pane = (await RunningHost.ShowAsync(cockpit, 200, 20, "api"))[0];
            var screen = await RunningHost.ScreenAsync(pane, s => s.Contains("run-args:[] pid:"), "the agent's first launch");
            firstAgent = int.Parse(screen.Split("pid:")[1].Split('\n')[0].Trim(), System.Globalization.CultureInfo.InvariantCulture);
        }
        var record = AgentRecords.Load(Path.Combine(host.Repo, ".git", "fleet")).Find("api").ShouldNotBeNull();
        record.Pid.ShouldBe(firstAgent);

        await host.KillAsync();
        // What a crash leaves: the agent, which ignores the hang-up, still runs in its worktree.
        FleetHosts.IsAlive(firstAgent).ShouldBeTrue();

        await host.StartHostAsync();
        await using var again = await host.ConnectAsync();
        var resumed = (await RunningHost.ShowAsync(again, 200, 20, "api"))[0];
        var text = await RunningHost.ScreenAsync(resumed, s => s.Contains("run-args:[--continue]"), "the task's agent continuing its session");

        text.ShouldContain($"(pid {firstAgent}) died and left it running");
        await Eventually.HoldsAsync(() => Task.FromResult(FleetHosts.IsAlive(firstAgent)), alive => !alive, "the left-over agent to be stopped", Slow);
        AgentsIn(host.Repo).Count.ShouldBe(1, "exactly one agent in the task's worktree");
    }

    /// <summary>The agent processes (shells running our stub) whose working directory is a worktree of this repository.</summary>
    private static List<int> AgentsIn(string repo)
    {
        var worktrees = Path.GetFullPath(Path.Combine(repo, "..", "repo.worktrees"));
        var found = new List<int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid))
                continue;
            try
            {
                var cwd = new DirectoryInfo(Path.Combine(dir, "cwd")).ResolveLinkTarget(false)?.FullName;
                var command = File.ReadAllText(Path.Combine(dir, "cmdline")).Replace('\0', ' ');
                if (cwd is not null && cwd.StartsWith(worktrees, StringComparison.Ordinal) && command.Contains("trap '' HUP", StringComparison.Ordinal)
                    && FleetHosts.IsAlive(pid))
                    found.Add(pid);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
            }
        }
        return found;
    }
}

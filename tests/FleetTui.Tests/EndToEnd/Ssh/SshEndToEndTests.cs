using FleetTui.Tests.Demo;
using FleetTui.Tests.Host;
using Shouldly;
using Xunit;

namespace FleetTui.Tests.EndToEnd.Ssh;

/// <summary>
/// The user's story the fleet host exists for: `fleet` over SSH, the connection dies (SIGKILL of the ssh client, as a
/// dropped network does), the agents go on, and `fleet attach` over a new connection shows them as they are.
/// </summary>
[Collection(CockpitEndToEndCollection.Name)]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public class SshEndToEndTests
{
    private static readonly TimeSpan Slow = TimeSpan.FromSeconds(40);

    [Fact]
    public async Task Agents_outlive_a_dropped_ssh_connection_and_attach_over_a_new_one_shows_them_as_they_are()
    {
        using var git = new IsolatedGit();
        var repo = await ShellFleetAsync(git);
        await using var sshd = await LoopbackSshd.StartAsync();

        await using (var first = new CockpitTmux())
        {
            await first.StartAsync(repo, new Dictionary<string, string>(), sshd.Ssh(RemoteFleet(git, repo)), 150, 40);
            await ScreenAsync(first, s => s.Contains("1 api · fleet/api · idle") && s.Contains("2 web · fleet/web · idle"), "both shells idle over ssh");
            await first.SendKeysAsync("M-2");
            await ScreenAsync(first, s => s.Contains("NORMAL │ web"), "web focused");
            await first.TypeAsync("echo before-drop-$((20+1))");
            await first.SendKeysAsync("Enter");
            await ScreenAsync(first, s => s.Contains("before-drop-21"), "web's answer");

            // The network goes: the ssh client dies without a word, sshd hangs up the remote terminal.
            await first.KillProgramAsync();
        }

        var agents = await Eventually.HoldsAsync(() => Task.FromResult(AgentPids(repo)), pids => pids.Count == 2, "both agents recorded");
        await Eventually.HoldsAsync(() => Task.FromResult(Directory.EnumerateFiles(git.HostFolder, "*.sock").Count()), n => n == 1, "the fleet host still serving");
        agents.ShouldAllBe(pid => FleetHosts.IsAlive(pid), "the agents outlived the connection");

        await using var second = new CockpitTmux();
        await second.StartAsync(repo, new Dictionary<string, string>(), sshd.Ssh(RemoteFleet(git, repo, "attach")), 150, 40);
        var screen = await ScreenAsync(second, s => s.Contains("before-drop-21") && s.Contains("2 web · fleet/web"), "web's pane as it was, over the new connection");
        screen.ShouldContain("1 api · fleet/api");
        await second.SendKeysAsync("M-2");
        await ScreenAsync(second, s => s.Contains("NORMAL │ web"), "web focused again");
        await second.TypeAsync("echo after-attach-$((40+2))");
        await second.SendKeysAsync("Enter");
        await ScreenAsync(second, s => s.Contains("after-attach-42"), "typing reaching web's agent after the new attach");
        AgentPids(repo).ShouldBe(agents, "the same agents, none restarted");
    }

    /// <summary>The remote command: environment does not cross ssh, so the command sets what the test isolates.</summary>
    private static string RemoteFleet(IsolatedGit git, string repo, params string[] verb)
    {
        var environment = new Dictionary<string, string>(git.Environment)
        {
            ["SHELL"] = "/bin/sh",
            ["PS1"] = "$ ",
            // A UTF-8 locale, as a user's login has: without one (environment does not cross ssh) the chrome is ASCII.
            ["LANG"] = "C.UTF-8",
            ["PATH"] = Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin",
            ["DOTNET_ROOT"] = Environment.GetEnvironmentVariable("DOTNET_ROOT") ?? "",
        };
        var quoted = new List<string> { "cd", LoopbackSshd.Quote(repo), "&&", "exec", "env" };
        quoted.AddRange(environment.Where(kv => kv.Value.Length > 0).Select(kv => LoopbackSshd.Quote($"{kv.Key}={kv.Value}")));
        quoted.AddRange(FleetExecutable.Argv().Concat(verb).Select(LoopbackSshd.Quote));
        return string.Join(' ', quoted);
    }

    private static List<int> AgentPids(string repo)
    {
        var records = FleetTui.Host.Agents.AgentRecords.Load(Path.Combine(repo, ".git", "fleet"));
        return [.. records.All.Select(r => r.Pid).Order()];
    }

    private static Task<string> ScreenAsync(CockpitTmux tmux, Func<string, bool> condition, string what) =>
        Eventually.HoldsAsync(tmux.CaptureAsync, condition, what, Slow);

    private static async Task<string> ShellFleetAsync(IsolatedGit git)
    {
        var repo = Path.Combine(git.Root, "repo");
        Directory.CreateDirectory(repo);
        await git.GitAsync(repo, "init", "--quiet", "-b", "main");
        await git.GitAsync(repo, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "--quiet", "--allow-empty", "-m", "init");
        await File.WriteAllTextAsync(Path.Combine(repo, "fleet.toml"), """
            [fleet]
            agent = ["sh"]

            [[task]]
            name = "api"

            [[task]]
            name = "web"
            """);
        return repo;
    }
}

using System.Text.RegularExpressions;
using FleetTui.Demo;
using FleetTui.Tests.Demo;
using FleetTui.Ui.Cockpit;
using Shouldly;
using Xunit;

namespace FleetTui.Tests.EndToEnd;

/// <summary>
/// Issue 12 in the real <c>fleet</c> under tmux: restart and destroy never freeze or crash it, an unexpected error ends it
/// cleanly with the agents still running, a resize repaints every cell.
/// </summary>
[Collection(CockpitEndToEndCollection.Name)]
public partial class CockpitResilienceEndToEndTests
{
    private static readonly TimeSpan Slow = TimeSpan.FromSeconds(40);

    private static async Task<string> ScreenAsync(CockpitTmux tmux, Func<string, bool> condition, string what) =>
        await Eventually.HoldsAsync(tmux.CaptureAsync, condition, what, Slow);

    /// <summary>The fleet hosts' logs of this test (what a host says when it drops a client), for failure messages.</summary>
    private static string HostLogs(IsolatedGit git) => Directory.Exists(git.HostFolder)
        ? string.Join("\n", Directory.EnumerateFiles(git.HostFolder, "*.log", SearchOption.AllDirectories).Select(File.ReadAllText))
        : "";

    /// <summary>Tasks api and web whose agent is a shell that first prints its pid (so a restart shows as a new pid).</summary>
    private static Task<string> ShellFleetAsync(IsolatedGit git) => ShellFleets.TwoTasksAsync(git, """["sh", "-c", "echo agent-pid-$$; exec sh"]""");

    private static Dictionary<string, string> Environment(IsolatedGit git) => new(git.Environment)
    {
        ["SHELL"] = "/bin/sh",
        ["PS1"] = "$ ",
        ["TERM"] = "xterm-256color",
        ["LANG"] = "C.UTF-8",
    };

    [GeneratedRegex(@"agent-pid-(\d+)")]
    private static partial Regex AgentPid();

    [Fact]
    public async Task Restarting_an_agent_starts_a_new_one_and_keys_resizes_and_quit_keep_working()
    {
        using var git = new IsolatedGit();
        var repo = await ShellFleetAsync(git);
        await using var tmux = new CockpitTmux();
        await tmux.StartAsync(repo, Environment(git), FleetExecutable.Argv());
        var screen = await ScreenAsync(tmux, s => AgentPid().Matches(s).Count == 2 && s.Contains("NORMAL │ api"), "two agents started, api focused");
        var before = AgentPid().Matches(screen).Select(m => m.Groups[1].Value).ToHashSet();

        await tmux.SendKeysAsync("C-g", "r");

        // A new agent (a pid not seen before) prints in api's pane; the old one is gone.
        await ScreenAsync(tmux, s => AgentPid().Matches(s).Any(m => !before.Contains(m.Groups[1].Value)), "a new agent in api's pane");
        // Keys still reach it.
        await tmux.TypeAsync("echo after-restart-$((20+1))");
        await tmux.SendKeysAsync("Enter");
        await ScreenAsync(tmux, s => s.Contains("after-restart-21"), "the new agent's answer");
        // A resize still reflows.
        await tmux.ResizeAsync(100, 30);
        await ScreenAsync(tmux, s => s.Split('\n').Length <= 31 && s.Contains("NORMAL │ api") && s.Contains("2 web"), "the cockpit at 100x30");
        // Other panes still update.
        await tmux.SendKeysAsync("M-2");
        // Typed only once web has the focus: text right behind Alt+2 in the same read is lost in Terminal.Gui's input parser
        // (known, reported; not a freeze: the next keys arrive).
        await ScreenAsync(tmux, s => s.Contains("NORMAL │ web"), "web focused");
        await tmux.TypeAsync("echo web-still-$((3*3))");
        await tmux.SendKeysAsync("Enter");
        try
        {
            await ScreenAsync(tmux, s => s.Contains("web-still-9"), "web's answer");
        }
        catch (TimeoutException error)
        {
            var logs = Path.Combine(repo, ".git", "fleet", "logs");
            var cockpit = Directory.Exists(logs) ? string.Join("\n", Directory.EnumerateFiles(logs, "cockpit-*").Select(f => $"{f}:\n{File.ReadAllText(f)}")) : "";
            throw new TimeoutException($"{error.Message}\nhost log:\n{HostLogs(git)}\ncockpit logs:\n{cockpit}");
        }
        // And quit works.
        await tmux.SendKeysAsync("C-g", "q");
        await ScreenAsync(tmux, s => s.Contains("Quit FleetTui?"), "the quit question");
        await tmux.SendKeysAsync("s");
        await Eventually.HoldsAsync(tmux.IsDeadAsync, dead => dead, "fleet to exit", Slow);
        (await tmux.CaptureAsync()).ShouldNotContain("Unhandled exception");
    }

    [Fact]
    public async Task Destroying_the_focused_task_removes_its_pane_at_once_and_a_zoom_and_a_resize_after_it_do_not_crash()
    {
        using var git = new IsolatedGit();
        var repo = await ShellFleetAsync(git);
        await using var tmux = new CockpitTmux();
        await tmux.StartAsync(repo, Environment(git), FleetExecutable.Argv());
        await ScreenAsync(tmux, s => AgentPid().Matches(s).Count == 2, "two agents started");

        await tmux.SendKeysAsync("M-2");
        await ScreenAsync(tmux, s => s.Contains("NORMAL │ web"), "web focused");
        await tmux.SendKeysAsync("C-g", "x");
        await ScreenAsync(tmux, s => s.Contains("Destroy web?") && s.Contains("y destroy"), "the destroy question with what would be lost");
        await tmux.SendKeysAsync("y");

        // Its terminal leaves the screen without any resize or other key: web is declared in fleet.toml, so it stays as a
        // task, pending, its pane the placeholder; no last screen ("killed by SIGHUP", its agent's pid) left over.
        // The snapshot (pending) and the screen's removal travel as two messages: wait for both.
        await ScreenAsync(tmux, s => s.Contains("2 web · fleet/web · pending") && !s.Contains("SIGHUP") && AgentPid().Matches(s).Count == 1, "web's terminal gone");

        await tmux.SendKeysAsync("C-g", "z");
        await tmux.ResizeAsync(110, 32);
        await ScreenAsync(tmux, s => s.Split('\n').Length <= 33 && s.Contains("2 web · fleet/web · pending") && !s.Contains("1 api · fleet/api"), "web zoomed at 110x32");
        await tmux.SendKeysAsync("C-g", "z");
        await tmux.ResizeAsync(140, 40);
        await ScreenAsync(tmux, s => s.Contains("1 api · fleet/api"), "tiles again");
        await tmux.SendKeysAsync("M-1");
        await ScreenAsync(tmux, s => s.Contains("NORMAL │ api"), "api focused");
        await tmux.TypeAsync("echo alive-$((2+3))");
        await tmux.SendKeysAsync("Enter");
        await ScreenAsync(tmux, s => s.Contains("alive-5"), "api still answering");
        (await tmux.IsDeadAsync()).ShouldBeFalse();
    }

    [Fact]
    public async Task An_unexpected_error_restores_the_terminal_logs_the_stack_privately_and_fleet_attach_gets_the_agents_back()
    {
        using var git = new IsolatedGit();
        var repo = await ShellFleetAsync(git);
        await using var tmux = new CockpitTmux();
        var environment = Environment(git);
        environment[CockpitRunner.DebugFaultVariable] = "f12";
        await tmux.StartAsync(repo, environment, FleetExecutable.Argv());
        var screen = await ScreenAsync(tmux, s => AgentPid().Matches(s).Count == 2, "two agents started");
        var pids = AgentPid().Matches(screen).Select(m => m.Groups[1].Value).ToList();
        (await tmux.PaneAsync("#{alternate_on}")).ShouldBe("1");

        await tmux.SendKeysAsync("F12");

        await Eventually.HoldsAsync(tmux.IsDeadAsync, dead => dead, "fleet to leave", Slow);
        screen = await tmux.CaptureAsync();
        screen.ShouldContain("the cockpit stopped on an unexpected error (InvalidOperationException", customMessage: screen);
        screen.ShouldContain("fleet attach");
        (await tmux.PaneAsync("#{alternate_on} #{mouse_any_flag}#{mouse_button_flag}#{mouse_standard_flag}#{mouse_sgr_flag} #{keypad_flag}#{keypad_cursor_flag}")).ShouldBe("0 0000 00");
        var log = Regex.Match(screen.Replace("\n", ""), @"the stack is in (\S+?\.log)").Groups[1].Value;
        File.Exists(log).ShouldBeTrue(screen);
        if (!OperatingSystem.IsWindows())
            (File.GetUnixFileMode(log) & (UnixFileMode)0x1ff).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        (await File.ReadAllTextAsync(log)).ShouldContain("a fault injected for tests");

        // The agents never noticed: `fleet attach` shows the same shells (same pids), still answering.
        await using var again = new CockpitTmux();
        await again.StartAsync(repo, Environment(git), [.. FleetExecutable.Argv(), "attach"]);
        await Eventually.HoldsAsync(again.CaptureAsync, s => s.Contains("1 api · fleet/api") && s.Contains("NORMAL"), "the cockpit attached", Slow);
        // Typed again until answered: keys typed while a starting cockpit waits on its terminal's answers to Terminal.Gui's
        // queries can be lost on a loaded machine (reported; not what this test is about).
        for (var attempt = 1; ; attempt++)
        {
            await again.SendKeysAsync("C-u"); // F12 reached api's shell too (keys go to the pane first): clear its line
            await again.TypeAsync("echo back-$((4*4))");
            await again.SendKeysAsync("Enter");
            try
            {
                await Eventually.HoldsAsync(again.CaptureAsync, s => s.Contains("back-16"), "api's shell answering", TimeSpan.FromSeconds(8));
                break;
            }
            catch (TimeoutException) when (attempt < 5)
            {
            }
        }
        foreach (var pid in pids)
            FleetTui.Tests.Host.FleetHosts.IsAlive(int.Parse(pid)).ShouldBeTrue($"agent {pid} still runs");
    }
}

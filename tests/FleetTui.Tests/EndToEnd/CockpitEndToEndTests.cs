using FleetTui.Demo;
using FleetTui.Tests.Demo;
using Shouldly;
using Xunit;

namespace FleetTui.Tests.EndToEnd;

/// <summary>The real <c>fleet</c> executable in tmux: a repository whose tasks run <c>sh</c>, and <c>fleet demo</c>.</summary>
[Collection(CockpitEndToEndCollection.Name)]
public class CockpitEndToEndTests
{
    private static readonly TimeSpan Slow = TimeSpan.FromSeconds(40);

    private static async Task<string> ScreenAsync(CockpitTmux tmux, Func<string, bool> condition, string what) =>
        await Eventually.HoldsAsync(tmux.CaptureAsync, condition, what, Slow);

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

            [[task]]
            name = "docs"
            depends_on = ["api"]
            """);
        return repo;
    }

    private static Dictionary<string, string> Environment(IsolatedGit git) => new(git.Environment)
    {
        ["SHELL"] = "/bin/sh",
        ["PS1"] = "$ ",
        ["TERM"] = "xterm-256color",
    };

    [Fact]
    public async Task Opens_on_a_repository_focuses_zooms_echoes_typing_reflows_and_quits()
    {
        using var git = new IsolatedGit();
        var repo = await ShellFleetAsync(git);
        await using var tmux = new CockpitTmux();
        await tmux.StartAsync(repo, Environment(git), FleetExecutable.Argv());

        // The sidebar lists the tasks and both free tasks get a running shell, idle at its prompt once its output stops.
        var screen = await ScreenAsync(tmux, s => s.Contains("Tasks (3)") && s.Contains("1 api · fleet/api · idle") && s.Contains("2 web · fleet/web · idle"), "the sidebar and two idle shells");
        screen.ShouldContain("3 docs blocked on api");

        // Alt+2 focuses web; typing goes to its shell and echoes there.
        await tmux.SendKeysAsync("M-2");
        await ScreenAsync(tmux, s => s.Contains("NORMAL │ web"), "web focused in the status bar");
        await tmux.TypeAsync("echo fleet-$((6*7))-e2e");
        await tmux.SendKeysAsync("Enter");
        screen = await ScreenAsync(tmux, s => s.Contains("fleet-42-e2e"), "the shell's answer");
        var webColumn = screen.Split('\n').First(l => l.Contains("2 web · fleet/web")).IndexOf("2 web", StringComparison.Ordinal);
        screen.Split('\n').ShouldContain(l => l.IndexOf("fleet-42-e2e", StringComparison.Ordinal) >= webColumn, "the echo is in the web pane");

        // Prefix then z zooms web over the whole pane area; api's pane disappears.
        await tmux.SendKeysAsync("C-g", "z");
        await ScreenAsync(tmux, s => !s.Contains("1 api · fleet/api") && s.Contains("2 web · fleet/web"), "web zoomed");

        // Back to tiles, then shrink the window: panes reflow to the new width.
        await tmux.SendKeysAsync("C-g", "z");
        await ScreenAsync(tmux, s => s.Contains("1 api · fleet/api"), "tiles again");
        var wide = (await tmux.CaptureAsync()).Split('\n').First(l => l.Contains("1 api · fleet/api")).IndexOf("2 web", StringComparison.Ordinal);
        await tmux.ResizeAsync(120, 40);
        await ScreenAsync(tmux, s =>
        {
            var title = s.Split('\n').FirstOrDefault(l => l.Contains("1 api · fleet/api") && l.Contains("2 web"));
            return title is not null && title.IndexOf("2 web", StringComparison.Ordinal) < wide && s.Split('\n').Length <= 41;
        }, "panes reflowed to 120 columns");
        await tmux.TypeAsync("echo after-resize-$((1+1))");
        await tmux.SendKeysAsync("Enter");
        await ScreenAsync(tmux, s => s.Contains("after-resize-2"), "the shell still answers after the resize");

        // Quit asks (agents run): s stops them and the fleet host, then the cockpit ends.
        await tmux.SendKeysAsync("C-g", "q");
        await ScreenAsync(tmux, s => s.Contains("Quit FleetTui?") && s.Contains("d detach"), "the quit question");
        await tmux.SendKeysAsync("s");
        await Eventually.HoldsAsync(tmux.IsDeadAsync, dead => dead, "fleet to exit", Slow);
        await Eventually.HoldsAsync(() => Task.FromResult(Directory.EnumerateFiles(git.HostFolder, "*.sock").Count()), n => n == 0, "the fleet host to stop", Slow);
    }

    [Fact]
    public async Task Fleet_demo_opens_the_cockpit_on_the_demo_fleet()
    {
        using var git = new IsolatedGit();
        await using var tmux = new CockpitTmux();
        await tmux.StartAsync(git.Root, Environment(git), [.. FleetExecutable.Argv(), "demo", "--dir", Path.Combine(git.Root, "demo")]);

        // Wait for every name, not just the header: a capture may catch a frame still being written.
        var screen = await ScreenAsync(tmux, s => s.Contains($"Tasks ({DemoFleet.Tasks.Count})") && DemoFleet.Tasks.All(t => s.Contains($" {t.Name}")), "the demo fleet in the sidebar");
        foreach (var task in DemoFleet.Tasks)
            screen.ShouldContain($" {task.Name}");
        await ScreenAsync(tmux, s => s.Contains("· working"), "a demo agent working");

        await tmux.SendKeysAsync("C-g", "m");
        await ScreenAsync(tmux, s => s.Contains("Merge order"), "the merge-order panel");
    }
}

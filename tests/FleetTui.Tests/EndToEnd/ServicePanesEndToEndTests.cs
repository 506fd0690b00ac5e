using FleetTui.Demo;
using FleetTui.Tests.Demo;
using Shouldly;
using Xunit;

namespace FleetTui.Tests.EndToEnd;

/// <summary>The real <c>fleet</c> in tmux: a task's service starts with its agent, and Ctrl+G w shows it in the task's pane and back.</summary>
[Collection(CockpitEndToEndCollection.Name)]
public class ServicePanesEndToEndTests
{
    private static readonly TimeSpan Slow = TimeSpan.FromSeconds(40);

    private static async Task<string> ScreenAsync(CockpitTmux tmux, Func<string, bool> condition, string what) =>
        await Eventually.HoldsAsync(tmux.CaptureAsync, condition, what, Slow);

    [Fact]
    public async Task Prefix_w_shows_the_tasks_service_in_its_pane_types_into_it_and_returns_to_the_agent()
    {
        using var git = new IsolatedGit();
        var repo = Path.Combine(git.Root, "repo");
        Directory.CreateDirectory(repo);
        await git.GitAsync(repo, "init", "--quiet", "-b", "main");
        await git.GitAsync(repo, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "--quiet", "--allow-empty", "-m", "init");
        await File.WriteAllTextAsync(Path.Combine(repo, "fleet.toml"), """
            [fleet]
            agent = ["sh"]

            [services.web]
            command = "echo web-banner-$FLEET_TASK; exec sh"

            [[task]]
            name = "api"
            """);
        await using var tmux = new CockpitTmux();
        await tmux.StartAsync(repo, new Dictionary<string, string>(git.Environment) { ["SHELL"] = "/bin/sh", ["PS1"] = "$ ", ["TERM"] = "xterm-256color" },
            FleetExecutable.Argv(), 120, 32);

        // The service started with the agent: the sidebar says so under the task.
        await ScreenAsync(tmux, s => s.Contains("1 api · fleet/api") && s.Contains("web up"), "api's shell and its web service up in the sidebar");

        await tmux.SendKeysAsync("C-g", "w");
        await ScreenAsync(tmux, s => s.Contains("1 api · web up") && s.Contains("web-banner-api"), "the pane showing the web service");
        await tmux.TypeAsync("echo service-$((6*7))");
        await tmux.SendKeysAsync("Enter");
        await ScreenAsync(tmux, s => s.Contains("service-42"), "the service's shell answering");

        await tmux.SendKeysAsync("C-g", "w");
        var agent = await ScreenAsync(tmux, s => s.Contains("1 api · fleet/api") && !s.Contains("web-banner-api"), "the pane back on the agent");
        agent.ShouldNotContain("service-42");
    }
}

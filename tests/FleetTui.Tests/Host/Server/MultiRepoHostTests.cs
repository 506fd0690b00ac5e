using FleetTui.Demo;
using FleetTui.Host.Protocol;
using FleetTui.Tests.Demo;
using Shouldly;
using Xunit;

namespace FleetTui.Tests.Host.Server;

/// <summary>Tasks spanning a second repository, run by the real fleet host: what their agents see, and `fleet new --repo` through it.</summary>
[Collection(FleetHostCollection.Name)]
public class MultiRepoHostTests
{
    private const string FleetToml = """
        [fleet]
        base = "main"
        agent = ["sh"]

        [repos.api]
        path = "../api"
        shared_env = { API_URL = "http://localhost:3000" }

        [[task]]
        name = "front-only"

        [[task]]
        name = "both"
        repos = ["api"]
        """;

    private static async Task ApiRepositoryAsync(IsolatedGit git)
    {
        var api = Path.Combine(git.Root, "api");
        Directory.CreateDirectory(api);
        await git.GitAsync(api, "init", "--quiet", "-b", "main");
        await File.WriteAllTextAsync(Path.Combine(api, "app.rb"), "# api\n");
        await git.GitAsync(api, "add", "-A");
        await git.GitAsync(api, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "--quiet", "-m", "api");
        await git.GitAsync(api, "branch", "feat/endpoint");
    }

    [Fact]
    public async Task A_shell_agent_sees_its_worktree_in_each_repository_it_spans_and_the_shared_environment_of_the_others()
    {
        await using var host = await RunningHost.StartAsync(FleetToml, ApiRepositoryAsync);
        await using var cockpit = await host.ConnectAsync();
        var panes = await RunningHost.ShowAsync(cockpit, 120, 20, "front-only", "both");
        await RunningHost.ScreenAsync(panes[0], s => s.Contains('$'), "front-only's shell");
        await RunningHost.ScreenAsync(panes[1], s => s.Contains('$'), "both's shell");

        RunningHost.Type(cockpit, "front-only", "echo \"A=[$API_URL] W=[$FLEET_WORKTREE_API]\"\r");
        RunningHost.Type(cockpit, "both", "echo \"A=[$API_URL] W=[$FLEET_WORKTREE_API]\"\r");

        var apiWorktree = Path.Combine(host.Git.Root, "api.worktrees", "both");
        await RunningHost.ScreenAsync(panes[0], s => s.Contains("A=[http://localhost:3000] W=[]"), "front-only using the main stack's API");
        await RunningHost.ScreenAsync(panes[1], s => s.Contains($"A=[] W=[{apiWorktree}]"), "both seeing its own api worktree");
        Directory.Exists(apiWorktree).ShouldBeTrue();
        cockpit.Snapshot.FindTask("both")!.Repos.Single().WorktreePath.ShouldBe(apiWorktree);
    }

    [Fact]
    public async Task Fleet_new_with_a_repository_goes_through_the_host_and_ps_json_shows_it()
    {
        await using var host = await RunningHost.StartAsync(FleetToml, ApiRepositoryAsync);
        await using var cockpit = await host.ConnectAsync();

        var created = await DemoCommand.RunAsync(
            [.. FleetExecutable.Argv(), "new", "feat-03", "--repo", "api", "--base", "api=feat/endpoint"], host.Repo, host.Environment);
        var ps = await DemoCommand.RunAsync([.. FleetExecutable.Argv(), "ps", "--json"], host.Repo, host.Environment);

        created.Succeeded.ShouldBeTrue(created.Output);
        ps.Succeeded.ShouldBeTrue(ps.Output);
        ps.Output.ShouldContain("\"base\": \"feat/endpoint\"");
        ps.Output.ShouldContain(Path.Combine(host.Git.Root, "api.worktrees", "feat-03"));
        (await host.Git.GitAsync(Path.Combine(host.Git.Root, "api.worktrees", "feat-03"), "symbolic-ref", "--short", "HEAD")).Trim()
            .ShouldBe("fleet/feat-03");
        var loss = await cockpit.RequestAsync(new HostRequest.DescribeLoss("feat-03"));
        loss.Ok.ShouldBeTrue();
    }
}

using System.Text.Json;
using FleetTui.Cli;
using FleetTui.Core.Tests.Support;
using Shouldly;
using Xunit;

namespace FleetTui.Tests.Cli;

/// <summary>`fleet new --repo/--base repo=…`, `fleet ps` and `fleet rm` on a fleet whose tasks span a second real repository.</summary>
public class MultiRepoVerbsTests
{
    private static async Task<(TempRepo Repo, string Api)> FleetAsync()
    {
        var repo = await TempRepo.CreateAsync();
        var api = await repo.AddSiblingRepositoryAsync("api");
        await repo.Git.RunAsync(api, ["branch", "feat/endpoint"]);
        File.WriteAllText(Path.Combine(repo.Path, "fleet.toml"), """
            [fleet]
            base = "main"
            agent = "shell"

            [repos.api]
            path = "../api"
            shared_env = { API_URL = "http://localhost:3000" }
            """);
        return (repo, api);
    }

    [Fact]
    public async Task New_with_a_repository_and_its_base_creates_both_worktrees_and_ps_lists_the_repository_under_the_task()
    {
        var (repo, api) = await FleetAsync();
        using var _ = repo;

        var created = VerbRunner.Run(repo, "new", "feat-02", "--repo", "api", "--base", "api=feat/endpoint");
        var table = VerbRunner.Run(repo, "ps");
        var json = VerbRunner.Run(repo, "ps", "--json");

        created.ExitCode.ShouldBe(ExitCodes.Ok, created.Error);
        var apiWorktree = Path.Combine(repo.RootDir, "api.worktrees", "feat-02");
        (await repo.Git.RunAsync(apiWorktree, ["symbolic-ref", "--short", "HEAD"])).Trim().ShouldBe("fleet/feat-02");
        var lines = table.Out.Split('\n');
        var taskLine = Array.FindIndex(lines, l => l.StartsWith("feat-02 ", StringComparison.Ordinal));
        taskLine.ShouldBeGreaterThan(0, table.Out);
        lines[taskLine + 1].ShouldMatch(@"^  api:\s+fleet/feat-02\s+from feat/endpoint\s+\+0/-0\s+0$");
        using var document = JsonDocument.Parse(json.Out);
        var repoEntry = document.RootElement.GetProperty("tasks")[0].GetProperty("repos")[0];
        repoEntry.GetProperty("name").GetString().ShouldBe("api");
        repoEntry.GetProperty("branch").GetString().ShouldBe("fleet/feat-02");
        repoEntry.GetProperty("base").GetString().ShouldBe("feat/endpoint");
        repoEntry.GetProperty("worktree").GetString().ShouldBe(apiWorktree);
        repoEntry.GetProperty("ahead").GetInt32().ShouldBe(0);
    }

    [Fact]
    public async Task Rm_refuses_when_only_the_second_repository_has_unmerged_work_then_force_removes_both()
    {
        var (repo, api) = await FleetAsync();
        using var _ = repo;
        VerbRunner.Run(repo, "new", "feat-02", "--repo", "api").ExitCode.ShouldBe(ExitCodes.Ok);
        var apiWorktree = Path.Combine(repo.RootDir, "api.worktrees", "feat-02");
        await repo.CommitFileAsync("routes.rb", "get '/z'\n", "the endpoint", apiWorktree);

        var refused = VerbRunner.Run(repo, "rm", "feat-02");

        refused.ExitCode.ShouldBe(ExitCodes.Failed);
        (refused.Out + refused.Error).ShouldContain("[api] the endpoint");
        Directory.Exists(apiWorktree).ShouldBeTrue();
        Directory.Exists(Path.Combine(repo.RootDir, "repo.worktrees", "feat-02")).ShouldBeTrue();

        var forced = VerbRunner.Run(repo, "rm", "feat-02", "--force");

        forced.ExitCode.ShouldBe(ExitCodes.Ok, forced.Error);
        Directory.Exists(apiWorktree).ShouldBeFalse();
        Directory.Exists(Path.Combine(repo.RootDir, "repo.worktrees", "feat-02")).ShouldBeFalse();
        (await repo.Git.RunAsync(api, ["log", "--format=%s", "--all"])).ShouldContain("the endpoint"); // kept under refs/fleet/rescued
    }

    [Fact]
    public async Task New_refuses_an_unknown_repository_or_a_base_for_a_repository_not_included_and_creates_nothing()
    {
        var (repo, _) = await FleetAsync();
        using var _ = repo;

        var unknown = VerbRunner.Run(repo, "new", "x", "--repo", "web");
        var notIncluded = VerbRunner.Run(repo, "new", "y", "--base", "api=feat/endpoint");
        var twice = VerbRunner.Run(repo, "new", "z", "--repo", "api", "--base", "api=a", "--base", "api=b");

        unknown.ExitCode.ShouldBe(ExitCodes.Failed);
        unknown.Error.ShouldContain("Unknown repository 'web' (declared: api)");
        notIncluded.ExitCode.ShouldBe(ExitCodes.Failed);
        notIncluded.Error.ShouldContain("A base for repository 'api', which the task does not include (add --repo api)");
        twice.ExitCode.ShouldBe(ExitCodes.Usage);
        Directory.Exists(Path.Combine(repo.RootDir, "repo.worktrees")).ShouldBeFalse();
        Directory.Exists(Path.Combine(repo.RootDir, "api.worktrees")).ShouldBeFalse();
    }

    [Fact]
    public async Task A_repository_whose_base_names_no_branch_stops_every_verb_at_its_line()
    {
        var (repo, _) = await FleetAsync();
        using var _ = repo;
        File.AppendAllText(Path.Combine(repo.Path, "fleet.toml"), "\nbase = \"develop\"\n");

        var outcome = VerbRunner.Run(repo, "ps");

        outcome.ExitCode.ShouldBe(ExitCodes.BadConfig);
        outcome.Error.ShouldStartWith($"fleet.toml:8:8: 'base' in [repos.api] names no branch of {Path.Combine(repo.RootDir, "api")}: 'develop'");
    }
}

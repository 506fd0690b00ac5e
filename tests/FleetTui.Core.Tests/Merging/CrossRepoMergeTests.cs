using FleetTui.Core.Config;
using FleetTui.Core.Merging;
using FleetTui.Core.Session;
using FleetTui.Core.Tests.Support;
using Shouldly;
using Xunit;

namespace FleetTui.Core.Tests.Merging;

/// <summary>A task spanning two real repositories merges all or nothing: both bases move, or neither does and review names the repository.</summary>
public class CrossRepoMergeTests
{
    private sealed record Fleet(TempRepo Repo, string Api, FleetSession Session) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Session.DisposeAsync();
            Repo.Dispose();
        }

        public TaskSnapshot Task(string name) => Session.Current.FindTask(name)!;

        public Task<string> TipAsync(string directory, string branch) => Repo.Git.RunAsync(directory, ["rev-parse", branch]);
    }

    private static async Task<Fleet> FleetAsync(string extraFleetKeys = "")
    {
        var repo = await TempRepo.CreateAsync();
        var api = await repo.AddSiblingRepositoryAsync("api");
        repo.WriteFile("fleet.toml", $$"""
            [fleet]
            base = "main"
            {{extraFleetKeys}}

            [repos.api]
            path = "../api"

            [[task]]
            name = "both"
            repos = ["api"]
            """);
        await repo.CommitAllAsync("fleet.toml"); // the base is checked out here: it must be clean to move
        var config = ConfigLoader.Load(Path.Combine(repo.Path, "fleet.toml"));
        var session = await FleetFixture.OpenAsync(repo, config);
        (await session.SendAsync(new SessionCommand.CreateTask("both"))).Succeeded.ShouldBeTrue();
        return new Fleet(repo, api, session);
    }

    private static async Task<MergeRunReport> MergeAsync(Fleet fleet)
    {
        await fleet.Session.SendAsync(new SessionCommand.MarkDone("both"));
        var merger = new SessionMerger(fleet.Session, fleet.Repo.Git);
        return await merger.RunAsync(await merger.PlanAsync(), null, _ => { });
    }

    private static string Steps(MergeRunReport report) => string.Join("\n", report.Steps.Select(s => s.Message));

    [Fact]
    public async Task Both_bases_move_and_both_worktrees_and_branches_go()
    {
        await using var fleet = await FleetAsync();
        await fleet.Repo.CommitFileAsync("front.txt", "ui\n", "the page", fleet.Task("both").WorktreePath);
        var apiWorktree = fleet.Task("both").Repos[0].WorktreePath;
        await fleet.Repo.CommitFileAsync("api.rb", "get '/x'\n", "the endpoint", apiWorktree);

        var report = await MergeAsync(fleet);

        report.Merged.ShouldBe(["both"], Steps(report));
        (await fleet.Repo.RunGitAsync("log", "--format=%s", "main")).ShouldContain("the page");
        (await fleet.Repo.Git.RunAsync(fleet.Api, ["log", "--format=%s", "main"])).ShouldContain("the endpoint");
        File.ReadAllText(Path.Combine(fleet.Api, "api.rb")).ShouldBe("get '/x'\n"); // api's checkout of main followed (ff-only)
        fleet.Task("both").Phase.ShouldBe(TaskPhase.Merged);
        Directory.Exists(apiWorktree).ShouldBeFalse();
        (await fleet.Repo.Git.RunAsync(fleet.Api, ["branch", "--list", "fleet/both"])).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_task_with_commits_only_in_the_other_repository_is_ready_and_merges_there()
    {
        await using var fleet = await FleetAsync();
        await fleet.Repo.CommitFileAsync("api.rb", "get '/y'\n", "api only", fleet.Task("both").Repos[0].WorktreePath);
        var mainBefore = await fleet.TipAsync(fleet.Repo.Path, "main");

        var report = await MergeAsync(fleet);

        report.Merged.ShouldBe(["both"], Steps(report));
        (await fleet.Repo.Git.RunAsync(fleet.Api, ["log", "--format=%s", "main"])).ShouldContain("api only");
        (await fleet.TipAsync(fleet.Repo.Path, "main")).ShouldBe(mainBefore);
    }

    [Fact]
    public async Task A_conflict_in_the_second_repository_moves_neither_base_and_review_names_the_repository_and_path()
    {
        await using var fleet = await FleetAsync();
        await fleet.Repo.CommitFileAsync("front.txt", "ui\n", "the page", fleet.Task("both").WorktreePath);
        await fleet.Repo.CommitFileAsync("README.md", "# api by the task\n", "task edits the readme", fleet.Task("both").Repos[0].WorktreePath);
        await fleet.Repo.CommitFileAsync("README.md", "# api on main\n", "main edits the readme", fleet.Api);
        var mainBefore = await fleet.TipAsync(fleet.Repo.Path, "main");
        var apiBefore = await fleet.TipAsync(fleet.Api, "main");

        var report = await MergeAsync(fleet);

        report.Merged.ShouldBeEmpty(Steps(report));
        (await fleet.TipAsync(fleet.Repo.Path, "main")).ShouldBe(mainBefore);
        (await fleet.TipAsync(fleet.Api, "main")).ShouldBe(apiBefore);
        fleet.Task("both").Phase.ShouldBe(TaskPhase.Review);
        fleet.Task("both").ReviewConflicts.ShouldBe(["[api] README.md"]);
        Directory.Exists(fleet.Task("both").WorktreePath).ShouldBeTrue();
    }

    [Fact]
    public async Task A_dirty_checkout_of_the_second_base_moves_neither_base()
    {
        await using var fleet = await FleetAsync();
        await fleet.Repo.CommitFileAsync("front.txt", "ui\n", "the page", fleet.Task("both").WorktreePath);
        await fleet.Repo.CommitFileAsync("api.rb", "get '/x'\n", "the endpoint", fleet.Task("both").Repos[0].WorktreePath);
        fleet.Repo.WriteFile("local-edit.rb", "wip\n", fleet.Api);
        var mainBefore = await fleet.TipAsync(fleet.Repo.Path, "main");

        var report = await MergeAsync(fleet);

        report.Merged.ShouldBeEmpty();
        report.Stopped!.Message.ShouldContain(fleet.Api);
        report.Stopped.Message.ShouldContain("local-edit.rb");
        (await fleet.TipAsync(fleet.Repo.Path, "main")).ShouldBe(mainBefore);
        (await fleet.Repo.Git.RunAsync(fleet.Api, ["log", "--format=%s", "main"])).ShouldNotContain("the endpoint");
    }

    [Fact]
    public async Task Conflicts_are_predicted_in_the_other_repository_too()
    {
        await using var fleet = await FleetAsync();
        await fleet.Repo.CommitFileAsync("README.md", "# by the task\n", "task edits the readme", fleet.Task("both").Repos[0].WorktreePath);
        await fleet.Repo.CommitFileAsync("README.md", "# on main\n", "main edits the readme", fleet.Api);
        await fleet.Session.SendAsync(new SessionCommand.RefreshStatus());

        var predicted = SessionMerger.PredictConflicts(fleet.Session.Current);

        predicted.ShouldContain(c => c.Task == "both" && c.WithBase && c.Paths.SequenceEqual(new[] { "[api] README.md" }));
    }
}

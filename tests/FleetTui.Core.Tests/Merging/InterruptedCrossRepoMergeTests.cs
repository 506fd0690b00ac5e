using FleetTui.Core.Config;
using FleetTui.Core.Session;
using FleetTui.Core.Tests.Support;
using Shouldly;
using Xunit;
using static FleetTui.Core.Tests.Support.FleetFixture;

namespace FleetTui.Core.Tests.Merging;

/// <summary>
/// A merge of a task spanning two real repositories, killed after this repository's base moved and before the other's did: the next
/// session finishes it (the other base moves) or, when that base moved so that it no longer merges, sends the task to review naming it.
/// </summary>
public class InterruptedCrossRepoMergeTests
{
    private static async Task<(TempRepo Repo, string Api, FleetConfig Config)> FleetAsync()
    {
        var repo = await TempRepo.CreateAsync();
        var api = await repo.AddSiblingRepositoryAsync("api");
        File.WriteAllText(Path.Combine(repo.Path, "fleet.toml"), """
            [fleet]
            base = "main"

            [repos.api]
            path = "../api"

            [[task]]
            name = "both"
            repos = ["api"]
            """);
        return (repo, api, ConfigLoader.Load(Path.Combine(repo.Path, "fleet.toml")));
    }

    /// <summary>The task made and committed to in both repositories, its merge journalled, then only this repository's base moved.</summary>
    private static async Task<string> KilledBetweenTheTwoBasesAsync(TempRepo repo, FleetConfig config)
    {
        await using var killed = await OpenAsync(repo, config);
        (await killed.SendAsync(new SessionCommand.CreateTask("both"))).Succeeded.ShouldBeTrue();
        var task = killed.Current.FindTask("both")!;
        var tip = await repo.CommitFileAsync("front.txt", "front\n", "The front", task.WorktreePath);
        var apiTip = await repo.CommitFileAsync("README.md", "# api, with the endpoint\n", "The endpoint", task.Repos.Single().WorktreePath);
        await killed.SendAsync(new SessionCommand.BeginMerge("both", tip));
        await repo.RunGitAsync("merge", "--quiet", "--no-edit", "fleet/both"); // this base moved; then the process died
        return apiTip;
    }

    [Fact]
    public async Task The_next_session_moves_the_other_base_too_and_records_the_task_merged()
    {
        var (repo, api, config) = await FleetAsync();
        using var _ = repo;
        var apiTip = await KilledBetweenTheTwoBasesAsync(repo, config);

        await using var next = await OpenAsync(repo, config);

        (await repo.Git.TryRunAsync(api, ["merge-base", "--is-ancestor", apiTip, "refs/heads/main"])).ExitCode.ShouldBe(0, "api's base moved");
        next.Current.FindTask("both")!.Phase.ShouldBe(TaskPhase.Merged);
        next.Current.FindTask("both")!.MergingTip.ShouldBeNull();
        next.Current.RecoveryNotes.ShouldContain("both: [api] merged into main, finishing an interrupted fleet merge");
        next.Current.RecoveryNotes.ShouldContain("both: an interrupted fleet merge had merged it; recorded as merged");
    }

    [Fact]
    public async Task When_the_other_base_moved_into_a_conflict_meanwhile_nothing_is_forced_and_the_task_goes_to_review_naming_it()
    {
        var (repo, api, config) = await FleetAsync();
        using var _ = repo;
        var apiTip = await KilledBetweenTheTwoBasesAsync(repo, config);
        var apiBase = await repo.CommitFileAsync("README.md", "# api, rewritten on main\n", "Someone else's README", api);

        await using var next = await OpenAsync(repo, config);

        (await repo.Git.RunAsync(api, ["rev-parse", "main"])).Trim().ShouldBe(apiBase, "api's base did not move");
        var task = next.Current.FindTask("both")!;
        task.Phase.ShouldBe(TaskPhase.Review);
        task.Note.ShouldNotBeNull().ShouldContain("merged it in this repository but not in 'api'");
        task.MergingTip.ShouldBeNull();
        Directory.Exists(task.Repos.Single().WorktreePath).ShouldBeTrue("nothing is cleaned up while it is not merged everywhere");
        apiTip.ShouldNotBe(apiBase);
    }
}

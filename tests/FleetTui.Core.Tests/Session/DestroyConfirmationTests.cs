using FleetTui.Core.Agents;
using FleetTui.Core.Config;
using FleetTui.Core.Git;
using FleetTui.Core.Merging;
using FleetTui.Core.Session;
using FleetTui.Core.Tests.Support;
using FleetTui.Core.Worktrees;
using Shouldly;
using Xunit;
using static FleetTui.Core.Tests.Support.FleetFixture;

namespace FleetTui.Core.Tests.Session;

/// <summary>
/// Destroying a task is one step: stop its agent, look at what would be lost, remove only what was agreed. A commit made after the
/// user looked (or while the agent stopped) refuses the removal; no commit is ever lost.
/// </summary>
public class DestroyConfirmationTests
{
    /// <summary>Records each stop, whether the worktree still existed then, and can do what an agent might while it stops.</summary>
    private sealed class RecordingLauncher(Func<string, Task>? whileStopping = null) : IAgentLauncher
    {
        public List<(string Task, bool WorktreeExisted)> Stops { get; } = [];

        public Func<string, string>? WorktreeOf { get; set; }

        public ValueTask TaskBecameActiveAsync(TaskSnapshot task, CancellationToken cancellationToken) => ValueTask.CompletedTask;

        public async ValueTask StopAgentAsync(string task, CancellationToken cancellationToken)
        {
            Stops.Add((task, WorktreeOf is { } of && Directory.Exists(of(task))));
            if (whileStopping is not null)
                await whileStopping(task);
        }
    }

    private static Task<FleetSession> OpenWithAsync(TempRepo repo, FleetConfig config, IAgentLauncher launcher) =>
        FleetSession.OpenAsync(new FleetSessionOptions
        {
            RepositoryDirectory = repo.Path, Config = config, Git = repo.Git, AgentLauncher = launcher,
            ExtraSetupEnvironment = repo.Git.Environment.Where(kv => kv.Value is not null).ToDictionary(kv => kv.Key, kv => kv.Value!),
        });

    private static async Task<WorktreeManager> ManagerAsync(TempRepo repo) => new(repo.Git, await RepositoryFacts.ReadAsync(repo.Git, repo.Path));

    private static async Task<bool> ReachableAsync(TempRepo repo, string commit) =>
        (await repo.RunGitAsync("rev-list", "--all")).Split('\n').Contains(commit);

    [Fact]
    public async Task A_commit_made_after_the_user_confirmed_refuses_the_removal_and_keeps_the_commit()
    {
        using var repo = await TempRepo.CreateAsync();
        await using var session = await OpenAsync(repo, FleetOf(repo, Declared("api")));
        await session.SendAsync(new SessionCommand.CreateTask("api"));
        var worktree = session.Current.FindTask("api")!.WorktreePath;
        var shown = await (await ManagerAsync(repo)).DescribeLossAsync(worktree, "fleet/api", "main"); // the dialog: "nothing would be lost"
        var late = await repo.CommitFileAsync("late.txt", "l", "Committed after the dialog looked", worktree);

        var result = await session.SendAsync(new SessionCommand.DestroyTask("api", Force: true, ExpectedLoss: shown));

        shown.IsEmpty.ShouldBeTrue();
        result.Succeeded.ShouldBeFalse();
        result.Message.ShouldBe("Refusing to remove task 'api': what it would lose changed since you confirmed; nothing was removed.");
        result.Details.ShouldBe([$"new: unmerged commit: {late[..7]} Committed after the dialog looked"]);
        Directory.Exists(worktree).ShouldBeTrue();
        (await ReachableAsync(repo, late)).ShouldBeTrue();
    }

    [Fact]
    public async Task The_agent_is_stopped_before_the_last_look_so_its_final_commit_is_seen()
    {
        using var repo = await TempRepo.CreateAsync();
        string? final = null;
        var launcher = new RecordingLauncher(async task =>
            final = await repo.CommitFileAsync("final.txt", "f", "The agent's last commit", Path.Combine(repo.RootDir, "repo.worktrees", task)));
        await using var session = await OpenWithAsync(repo, FleetOf(repo, Declared("api")), launcher);
        await session.SendAsync(new SessionCommand.CreateTask("api"));

        var result = await session.SendAsync(new SessionCommand.DestroyTask("api", ExpectedLoss: WorktreeLoss.None));

        launcher.Stops.Select(s => s.Task).ShouldBe(["api"]);
        result.Succeeded.ShouldBeFalse();
        result.Details.ShouldBe([$"new: unmerged commit: {final![..7]} The agent's last commit"]);
        (await ReachableAsync(repo, final)).ShouldBeTrue();
    }

    [Fact]
    public async Task A_confirmed_loss_that_still_holds_is_removed_and_its_commits_are_kept_under_refs_fleet_rescued()
    {
        using var repo = await TempRepo.CreateAsync();
        await using var session = await OpenAsync(repo, FleetOf(repo, Declared("api")));
        await session.SendAsync(new SessionCommand.CreateTask("api"));
        var worktree = session.Current.FindTask("api")!.WorktreePath;
        var work = await repo.CommitFileAsync("work.txt", "w", "Unmerged work", worktree);
        repo.WriteFile("scratch.txt", "s", worktree);
        var shown = await (await ManagerAsync(repo)).DescribeLossAsync(worktree, "fleet/api", "main");

        var result = await session.SendAsync(new SessionCommand.DestroyTask("api", Force: true, ExpectedLoss: shown));

        result.Succeeded.ShouldBeTrue(result.Message);
        result.Message.ShouldContain("kept under refs/fleet/rescued/api/");
        result.Details.ShouldHaveSingleItem().ShouldStartWith("refs/fleet/rescued/api/");
        Directory.Exists(worktree).ShouldBeFalse();
        (await ReachableAsync(repo, work)).ShouldBeTrue();
    }

    [Fact]
    public async Task Rm_without_force_refuses_before_touching_the_agent()
    {
        using var repo = await TempRepo.CreateAsync();
        var launcher = new RecordingLauncher();
        await using var session = await OpenWithAsync(repo, FleetOf(repo, Declared("api")), launcher);
        await session.SendAsync(new SessionCommand.CreateTask("api"));
        repo.WriteFile("wip.txt", "w", session.Current.FindTask("api")!.WorktreePath);

        var result = await session.SendAsync(new SessionCommand.DestroyTask("api"));

        result.Succeeded.ShouldBeFalse();
        result.Details.ShouldContain("wip.txt");
        launcher.Stops.ShouldBeEmpty();
    }

    [Fact]
    public async Task After_a_merge_with_cleanup_on_merge_the_agent_is_stopped_before_its_worktree_is_removed()
    {
        using var repo = await TempRepo.CreateAsync();
        var launcher = new RecordingLauncher { WorktreeOf = task => Path.Combine(repo.RootDir, "repo.worktrees", task) };
        var config = FleetOf(repo, Declared("api")) with { Fleet = new FleetSettings { Base = "main", Cleanup = CleanupPolicy.OnMerge } };
        await using var session = await OpenWithAsync(repo, config, launcher);
        await session.SendAsync(new SessionCommand.CreateTask("api"));
        await repo.CommitFileAsync("api.txt", "a", "The api", session.Current.FindTask("api")!.WorktreePath);
        await session.SendAsync(new SessionCommand.MarkDone("api"));
        var merger = new SessionMerger(session, repo.Git);

        var report = await merger.RunAsync(await merger.PlanAsync(), new HashSet<string> { "api" }, _ => { });

        report.Merged.ShouldBe(["api"]);
        launcher.Stops.ShouldBe([("api", true)]);
        Directory.Exists(launcher.WorktreeOf("api")).ShouldBeFalse();
    }
}

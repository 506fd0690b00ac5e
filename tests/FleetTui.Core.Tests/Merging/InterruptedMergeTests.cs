using FleetTui.Core.Config;
using FleetTui.Core.Merging;
using FleetTui.Core.Session;
using FleetTui.Core.Tests.Support;
using Shouldly;
using Xunit;
using static FleetTui.Core.Tests.Support.FleetFixture;

namespace FleetTui.Core.Tests.Merging;

/// <summary>
/// What a merge run killed half way leaves (a temporary gate worktree, a merge in the base without its follow-up) is finished by the
/// next session that may write, and only when no merge runs.
/// </summary>
public class InterruptedMergeTests
{
    private static string FleetDir(TempRepo repo) => Path.Combine(repo.CommonDir, "fleet");

    private static async Task<string> WorktreeListAsync(TempRepo repo) => await repo.RunGitAsync("worktree", "list", "--porcelain");

    [Fact]
    public async Task A_temporary_gate_worktree_a_killed_merge_left_is_removed_when_the_next_session_opens()
    {
        using var repo = await TempRepo.CreateAsync();
        var scratch = ScratchWorktrees.Reserve(FleetDir(repo), "api"); // what the killed run had recorded, then created
        await repo.RunGitAsync("worktree", "add", "--detach", "-q", scratch, "main");

        await using var session = await OpenAsync(repo, FleetOf(repo));

        (await WorktreeListAsync(repo)).ShouldNotContain("fleet-gate-");
        Directory.Exists(scratch).ShouldBeFalse();
        session.Current.RecoveryNotes.ShouldContain($"removed the temporary worktree {scratch} an interrupted fleet merge left");
    }

    [Fact]
    public async Task A_merge_that_landed_before_the_run_was_killed_is_recorded_cleaned_up_and_its_dependent_started()
    {
        using var repo = await TempRepo.CreateAsync();
        var config = FleetOf(repo, Declared("api"), Declared("web", "api"));
        string tip;
        await using (var killed = await OpenAsync(repo, config))
        {
            await killed.SendAsync(new SessionCommand.CreateTask("api"));
            tip = await repo.CommitFileAsync("api.txt", "a", "The api", killed.Current.FindTask("api")!.WorktreePath);
            await killed.SendAsync(new SessionCommand.BeginMerge("api", tip));
            await repo.RunGitAsync("merge", "--quiet", "--no-edit", "fleet/api"); // the base moved; then the process died
        }

        await using var next = await OpenAsync(repo, config);

        next.Current.FindTask("api")!.Phase.ShouldBe(TaskPhase.Merged);
        next.Current.FindTask("api")!.MergingTip.ShouldBeNull();
        Directory.Exists(Path.Combine(repo.RootDir, "repo.worktrees", "api")).ShouldBeFalse();
        (await repo.RunGitAsync("branch", "--list", "fleet/api")).ShouldBeEmpty();
        next.Current.FindTask("web")!.Phase.ShouldBe(TaskPhase.Active);
        (await repo.RunGitAsync("merge-base", "--is-ancestor", tip, "fleet/web")).ShouldBeEmpty(); // web starts from the integrated base
        next.Current.RecoveryNotes.ShouldContain("api: an interrupted fleet merge had merged it; recorded as merged");
    }

    [Fact]
    public async Task A_merge_that_had_not_landed_is_forgotten_and_nothing_changes()
    {
        using var repo = await TempRepo.CreateAsync();
        var config = FleetOf(repo, Declared("api"));
        await using (var killed = await OpenAsync(repo, config))
        {
            await killed.SendAsync(new SessionCommand.CreateTask("api"));
            var tip = await repo.CommitFileAsync("api.txt", "a", "The api", killed.Current.FindTask("api")!.WorktreePath);
            await killed.SendAsync(new SessionCommand.BeginMerge("api", tip));
        }

        await using var next = await OpenAsync(repo, config);

        next.Current.FindTask("api")!.Phase.ShouldBe(TaskPhase.Active);
        next.Current.FindTask("api")!.MergingTip.ShouldBeNull();
        Directory.Exists(next.Current.FindTask("api")!.WorktreePath).ShouldBeTrue();
    }

    [Fact]
    public async Task Nothing_is_finished_while_another_process_holds_the_merge_lock()
    {
        using var repo = await TempRepo.CreateAsync();
        var scratch = ScratchWorktrees.Reserve(FleetDir(repo), "api");
        await repo.RunGitAsync("worktree", "add", "--detach", "-q", scratch, "main");
        try
        {
            using (MergeLock.TryAcquire(FleetDir(repo))!)
            {
                await using var session = await OpenAsync(repo, FleetOf(repo));

                (await WorktreeListAsync(repo)).ShouldContain("fleet-gate-api-");
            }
        }
        finally
        {
            // The checkout lives in the temp dir, outside the test repository: the next session removes it.
            await using var cleaning = await OpenAsync(repo, FleetOf(repo));
        }

        Directory.Exists(scratch).ShouldBeFalse();
    }

    [Fact]
    public async Task A_second_merge_run_stops_at_once_while_one_holds_the_merge_lock()
    {
        using var repo = await TempRepo.CreateAsync();
        await using var session = await OpenAsync(repo, FleetOf(repo, Declared("api")));
        var merger = new SessionMerger(session, repo.Git);
        using var running = MergeLock.TryAcquire(FleetDir(repo))!;

        var report = await merger.RunAsync(await merger.PlanAsync(), null, _ => { });

        report.Stopped!.Message.ShouldStartWith("another fleet merge is running in this repository");
    }

    [Fact]
    public async Task A_merge_run_journals_the_merge_before_the_base_moves_and_clears_it_after()
    {
        using var repo = await TempRepo.CreateAsync();
        var statePath = Path.Combine(FleetDir(repo), "state.json");
        // Runs on the task (passes) and on the merge result, where it checks the journal is on disk before the base moves.
        var gate = $"case \"$PWD\" in */fleet-gate-*) grep -q '\"mergingTip\"' '{statePath}';; esac";
        var config = FleetOf(repo, Declared("api")) with { Fleet = new FleetSettings { Base = "main", Gate = gate, GateAfterMerge = true } };
        await using var session = await OpenAsync(repo, config);
        await session.SendAsync(new SessionCommand.CreateTask("api"));
        await repo.CommitFileAsync("api.txt", "a", "The api", session.Current.FindTask("api")!.WorktreePath);
        await session.SendAsync(new SessionCommand.MarkDone("api"));
        var merger = new SessionMerger(session, repo.Git);

        var report = await merger.RunAsync(await merger.PlanAsync(), null, _ => { });

        report.Merged.ShouldBe(["api"], string.Join("\n", report.Steps.Select(s => s.Message)));
        session.Current.FindTask("api")!.MergingTip.ShouldBeNull();
        File.ReadAllText(statePath).ShouldNotContain("mergingTip");
        (await WorktreeListAsync(repo)).ShouldNotContain("fleet-gate-");
        Directory.EnumerateFileSystemEntries(ScratchWorktrees.FolderFor(FleetDir(repo))).ShouldBeEmpty();
    }
}

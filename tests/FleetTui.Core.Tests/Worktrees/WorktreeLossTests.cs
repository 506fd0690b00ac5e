using FleetTui.Core.Config;
using FleetTui.Core.Git;
using FleetTui.Core.Tests.Support;
using FleetTui.Core.Worktrees;
using Shouldly;
using Xunit;

namespace FleetTui.Core.Tests.Worktrees;

/// <summary>What removing a worktree would lose, beyond uncommitted paths and unmerged commits: reflog-only commits and ignored files.</summary>
public class WorktreeLossTests
{
    private static async Task<(TempRepo Repo, WorktreeManager Manager, string Worktree)> TaskWorktreeAsync(string task, SetupConfig? setup = null)
    {
        var repo = await TempRepo.CreateAsync();
        repo.WriteFile(".gitignore", ".env.local\n*.log\nnode_modules/\n.env\n");
        await repo.CommitAllAsync("ignore rules");
        var manager = new WorktreeManager(repo.Git, await RepositoryFacts.ReadAsync(repo.Git, repo.Path));
        var created = await manager.CreateAsync(new WorktreeRequest
        {
            Task = task, Branch = $"fleet/{task}", BaseRef = "main", Path = WorktreePaths.DefaultFor(repo.Path, task), Setup = setup ?? new SetupConfig(),
        });
        return (repo, manager, created.Path);
    }

    /// <summary>The steps: detach, commit, go back to the branch. Returns the commit only the worktree's reflog reaches.</summary>
    private static async Task<string> CommitOnADetachedHeadAsync(TempRepo repo, string worktree, string branch)
    {
        await repo.Git.RunAsync(worktree, ["checkout", "--quiet", "--detach"]);
        var commit = await repo.CommitFileAsync("detached.txt", "d", "Work on a detached HEAD", worktree);
        await repo.Git.RunAsync(worktree, ["checkout", "--quiet", branch]);
        return commit;
    }

    private static async Task<bool> ReachableAsync(TempRepo repo, string commit) =>
        (await repo.RunGitAsync("rev-list", "--all")).Split('\n').Contains(commit);

    [Fact]
    public async Task Rm_refuses_a_worktree_whose_detached_head_commit_only_its_reflog_reaches()
    {
        var (repo, manager, worktree) = await TaskWorktreeAsync("d");
        using var _ = repo;
        var commit = await CommitOnADetachedHeadAsync(repo, worktree, "fleet/d");

        var refused = await Should.ThrowAsync<DestroyRefusedException>(() => manager.DestroyAsync("d", worktree, "fleet/d", "main", force: false));

        refused.Loss.ReflogOnlyCommits.Select(c => c.Sha).ShouldBe([commit]);
        refused.Message.ShouldContain("1 commit(s) only the worktree's reflog still reaches");
        refused.Message.ShouldContain($"{commit[..7]} Work on a detached HEAD");
        Directory.Exists(worktree).ShouldBeTrue();
        (await repo.Git.ResolveCommitAsync(repo.Path, commit)).ShouldBe(commit);
    }

    [Fact]
    public async Task Forced_removal_keeps_reflog_only_and_unmerged_commits_reachable_under_refs_fleet_rescued()
    {
        var (repo, manager, worktree) = await TaskWorktreeAsync("d");
        using var _ = repo;
        var detached = await CommitOnADetachedHeadAsync(repo, worktree, "fleet/d");
        var unmerged = await repo.CommitFileAsync("feature.txt", "f", "Unmerged feature", worktree);

        var result = await manager.DestroyAsync("d", worktree, "fleet/d", "main", force: true);

        result.BranchDeleted.ShouldBeTrue();
        result.RescuedRefs.Count.ShouldBe(2);
        result.RescuedRefs.ShouldAllBe(r => r.StartsWith("refs/fleet/rescued/d/"));
        Directory.Exists(worktree).ShouldBeFalse();
        (await ReachableAsync(repo, detached)).ShouldBeTrue();
        (await ReachableAsync(repo, unmerged)).ShouldBeTrue();
    }

    [Fact]
    public async Task Pruning_a_worktree_deleted_by_hand_first_keeps_the_commits_only_its_reflog_reached()
    {
        var (repo, manager, worktree) = await TaskWorktreeAsync("h");
        using var _ = repo;
        var detached = await CommitOnADetachedHeadAsync(repo, worktree, "fleet/h");
        Directory.Delete(worktree, recursive: true);

        var rescued = await manager.PruneAsync();

        rescued.ShouldBe([$"refs/fleet/rescued/h/{detached[..12]}"]);
        (await repo.RunGitAsync("worktree", "list")).ShouldNotContain("repo.worktrees/h");
        (await ReachableAsync(repo, detached)).ShouldBeTrue();
    }

    [Fact]
    public async Task Ignored_files_are_named_as_deleted_and_make_rm_ask_for_force()
    {
        var (repo, manager, worktree) = await TaskWorktreeAsync("e");
        using var _ = repo;
        repo.WriteFile(".env.local", "TOKEN=secret\n", worktree);
        repo.WriteFile("notes.log", "my notes\n", worktree);
        repo.WriteFile("node_modules/pkg/index.js", "x", worktree);

        var refused = await Should.ThrowAsync<DestroyRefusedException>(() => manager.DestroyAsync("e", worktree, "fleet/e", "main", force: false));

        refused.Loss.IgnoredPaths.ShouldBe([".env.local", "node_modules/", "notes.log"], ignoreOrder: true);
        refused.Message.ShouldContain("3 ignored file(s) that would be deleted with the folder");
        File.Exists(Path.Combine(worktree, ".env.local")).ShouldBeTrue();
    }

    [Fact]
    public async Task Setup_copies_and_files_fleet_writes_are_not_a_loss()
    {
        var (repo, manager, worktree) = await TaskWorktreeAsync("s");
        using var _ = repo;
        await FleetTui.Core.Agents.WorktreeExclude.AddAsync(repo.Git, worktree, [".fleet/"]);
        repo.WriteFile(".fleet/ticket.md", "the ticket", worktree);
        repo.WriteFile(".claude/settings.local.json", "{}", worktree); // not excluded: deleted like a [setup] copy
        repo.WriteFile(".env", "copied by [setup]", worktree);

        var loss = await manager.DescribeLossAsync(worktree, "fleet/s", "main", setupFiles: [".env"]);
        var removed = await manager.DestroyAsync("s", worktree, "fleet/s", "main", force: false, setupFiles: [".env"]);

        loss.IgnoredPaths.ShouldBeEmpty();
        loss.UncommittedPaths.ShouldBeEmpty();
        loss.IsEmpty.ShouldBeTrue();
        removed.BranchDeleted.ShouldBeTrue();
        Directory.Exists(worktree).ShouldBeFalse();
    }

    [Fact]
    public async Task A_clean_merged_worktree_loses_nothing_even_with_history_in_its_reflog()
    {
        var (repo, manager, worktree) = await TaskWorktreeAsync("m");
        using var _ = repo;
        await repo.CommitFileAsync("m.txt", "m", "Merged work", worktree);
        await repo.RunGitAsync("merge", "--quiet", "--no-edit", "fleet/m");

        var loss = await manager.DescribeLossAsync(worktree, "fleet/m", "main");

        loss.IsEmpty.ShouldBeTrue(string.Join("; ", loss.Lines));
    }

    [Fact]
    public void Two_descriptions_are_equal_when_they_name_the_same_paths_and_commits()
    {
        var a = new WorktreeLoss(["x", "y"], [new LostCommit(new string('a', 40), "A")], [], ["i"]);
        var sameOtherOrder = new WorktreeLoss(["y", "x"], [new LostCommit(new string('a', 40), "subject changed by nobody")], [], ["i"]);
        var more = a with { ReflogOnlyCommits = [new LostCommit(new string('b', 40), "B")] };

        a.Equals(sameOtherOrder).ShouldBeTrue();
        a.Equals(more).ShouldBeFalse();
        more.ChangesSince(a).ShouldBe(["new: commit only in the worktree's reflog: bbbbbbb B"]);
        a.ChangesSince(more).ShouldBe(["gone: commit only in the worktree's reflog: bbbbbbb B"]);
    }
}

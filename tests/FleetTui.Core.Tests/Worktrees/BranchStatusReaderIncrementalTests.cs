using FleetTui.Core.Git;
using FleetTui.Core.Tests.Support;
using FleetTui.Core.Worktrees;
using Shouldly;
using Xunit;

namespace FleetTui.Core.Tests.Worktrees;

/// <summary>
/// The status refresh is incremental (issue 17, goal 4): a worktree nobody touched is not re-scanned, and every kind of
/// change that alters its status is still seen: a file written in the working tree, an index-only change, a commit, the
/// base moving. Real repositories, real inotify watches.
/// </summary>
public class BranchStatusReaderIncrementalTests
{
    private static readonly ScopeMatcher NoScope = new([]);
    private static readonly TimeSpan NoSafetyNet = TimeSpan.FromHours(1);

    private static async Task<(TempRepo Repo, List<string> Worktrees)> RepoWithTasksAsync(int count)
    {
        var repo = await TempRepo.CreateAsync(extraFiles: 20);
        var manager = new WorktreeManager(repo.Git, await RepositoryFacts.ReadAsync(repo.Git, repo.Path));
        var worktrees = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var created = await manager.CreateAsync(new WorktreeRequest
            {
                Task = $"t{i}", Branch = $"fleet/t{i}", BaseRef = "main", Path = WorktreePaths.DefaultFor(repo.Path, $"t{i}"),
            });
            worktrees.Add(created.Path);
        }

        return (repo, worktrees);
    }

    /// <summary>Reads every worktree until a whole pass does no working-tree scan (the first pass scans each once).</summary>
    private static async Task SettleAsync(BranchStatusReader reader, IEnumerable<string> worktrees)
    {
        var settled = await Eventually.HoldsAsync(() =>
        {
            var before = reader.TreeScans;
            foreach (var worktree in worktrees)
                reader.Read(worktree, "main", NoScope);
            return reader.TreeScans == before;
        });
        settled.ShouldBeTrue("the watchers kept reporting changes nobody made");
    }

    [Fact]
    public async Task An_untouched_worktree_is_not_rescanned_while_an_edited_one_is()
    {
        var (repo, worktrees) = await RepoWithTasksAsync(2);
        using var _ = repo;
        using var reader = new BranchStatusReader(fullRescanInterval: NoSafetyNet);
        await SettleAsync(reader, worktrees);
        var (scans, histories) = (reader.TreeScans, reader.HistoryReads);

        for (var i = 0; i < 5; i++)
        {
            reader.Read(worktrees[0], "main", NoScope).Uncommitted.ShouldBe(0);
            reader.Read(worktrees[1], "main", NoScope).Uncommitted.ShouldBe(0);
        }

        reader.TreeScans.ShouldBe(scans);
        reader.HistoryReads.ShouldBe(histories);

        repo.WriteFile("src/dir3/file3.txt", "edited by the agent", worktrees[0]);

        (await Eventually.HoldsAsync(() => reader.Read(worktrees[0], "main", NoScope).Uncommitted == 1)).ShouldBeTrue();
        var afterEdit = reader.TreeScans;
        for (var i = 0; i < 5; i++)
            reader.Read(worktrees[1], "main", NoScope).Uncommitted.ShouldBe(0);
        reader.TreeScans.ShouldBe(afterEdit);
    }

    [Fact]
    public async Task A_new_file_in_a_new_subfolder_shows_as_uncommitted()
    {
        var (repo, worktrees) = await RepoWithTasksAsync(1);
        using var _ = repo;
        using var reader = new BranchStatusReader(fullRescanInterval: NoSafetyNet);
        await SettleAsync(reader, worktrees);

        repo.WriteFile("new/deeper/folder/notes.txt", "x", worktrees[0]);

        (await Eventually.HoldsAsync(() => reader.Read(worktrees[0], "main", NoScope).Uncommitted == 1)).ShouldBeTrue();
    }

    [Fact]
    public async Task An_index_only_change_is_seen_though_no_file_in_the_worktree_changed()
    {
        var (repo, worktrees) = await RepoWithTasksAsync(1);
        using var _ = repo;
        await repo.CommitFileAsync("kept.txt", "k", "task work", worktrees[0]);
        using var reader = new BranchStatusReader(fullRescanInterval: NoSafetyNet);
        await SettleAsync(reader, worktrees);
        reader.Read(worktrees[0], "main", NoScope).Uncommitted.ShouldBe(0);

        // Only .git/worktrees/t0/index changes: the file stays as it was, now untracked and deleted from the index.
        await repo.Git.RunAsync(worktrees[0], ["rm", "--cached", "--quiet", "kept.txt"]);

        (await Eventually.HoldsAsync(() => reader.Read(worktrees[0], "main", NoScope).Uncommitted == 1)).ShouldBeTrue();
    }

    [Fact]
    public async Task A_commit_and_the_base_moving_are_seen_by_the_very_next_read()
    {
        var (repo, worktrees) = await RepoWithTasksAsync(1);
        using var _ = repo;
        using var reader = new BranchStatusReader(fullRescanInterval: NoSafetyNet);
        await SettleAsync(reader, worktrees);

        await repo.CommitFileAsync("work.txt", "w", "task work", worktrees[0]);
        var afterCommit = reader.Read(worktrees[0], "main", NoScope);
        await repo.CommitFileAsync("base.txt", "b", "base moves on");
        var afterBaseMoved = reader.Read(worktrees[0], "main", NoScope);

        afterCommit.Ahead.ShouldBe(1);
        afterCommit.Uncommitted.ShouldBe(0);
        afterCommit.LastCommit!.Subject.ShouldBe("task work");
        afterBaseMoved.Behind.ShouldBe(1);
    }

    [Fact]
    public async Task The_safety_net_rescans_the_worktrees_in_turn_never_all_at_once()
    {
        var (repo, worktrees) = await RepoWithTasksAsync(4);
        using var _ = repo;
        var clock = new SteppedClock();
        using var reader = new BranchStatusReader(fullRescanInterval: TimeSpan.FromSeconds(60), time: clock);
        await SettleAsync(reader, worktrees);
        var scansPerStep = new List<long>();

        // Two intervals in steps of a quarter interval (each step a refresh pass).
        for (var step = 0; step < 8; step++)
        {
            clock.Advance(TimeSpan.FromSeconds(15));
            var before = reader.TreeScans;
            foreach (var worktree in worktrees)
                reader.Read(worktree, "main", NoScope);
            scansPerStep.Add(reader.TreeScans - before);
        }

        scansPerStep.Max().ShouldBeLessThanOrEqualTo(2, $"scans per refresh: {string.Join(", ", scansPerStep)}");
        scansPerStep.Sum().ShouldBeGreaterThanOrEqualTo(worktrees.Count, "every worktree gets its safety-net scan within two intervals");
    }

    private sealed class SteppedClock : TimeProvider
    {
        private long _now = 1_000_000;

        public override long GetTimestamp() => _now;

        public void Advance(TimeSpan by) => _now += (long)(by.TotalSeconds * TimestampFrequency);
    }
}

using FleetTui.Core.Git;
using FleetTui.Core.Tests.Support;
using FleetTui.Core.Worktrees;
using Shouldly;
using Xunit;

namespace FleetTui.Core.Tests.Worktrees;

public class BranchStatusReaderTests
{
    private static async Task<(TempRepo Repo, string Worktree)> RepoWithTaskAsync()
    {
        var repo = await TempRepo.CreateAsync();
        var manager = new WorktreeManager(repo.Git, await RepositoryFacts.ReadAsync(repo.Git, repo.Path));
        var created = await manager.CreateAsync(new WorktreeRequest
        {
            Task = "t", Branch = "fleet/t", BaseRef = "main", Path = WorktreePaths.DefaultFor(repo.Path, "t"),
        });
        return (repo, created.Path);
    }

    [Fact]
    public async Task A_fresh_worktree_is_level_with_its_base_and_clean()
    {
        var (repo, worktree) = await RepoWithTaskAsync();
        using var _ = repo;
        using var reader = new BranchStatusReader();

        var status = reader.Read(worktree, "main", new ScopeMatcher([]));

        status.Ahead.ShouldBe(0);
        status.Behind.ShouldBe(0);
        status.Uncommitted.ShouldBe(0);
        status.LastCommit!.Subject.ShouldBe("initial commit");
        status.OutOfScope.ShouldBeEmpty();
    }

    [Fact]
    public async Task Counts_commits_ahead_and_behind_uncommitted_paths_and_reports_the_last_commit()
    {
        var (repo, worktree) = await RepoWithTaskAsync();
        using var _ = repo;
        await repo.CommitFileAsync("a.txt", "a", "first task commit", worktree);
        var last = await repo.CommitFileAsync("b.txt", "b", "second task commit", worktree);
        await repo.CommitFileAsync("main.txt", "m", "base moved");
        repo.WriteFile("dirty.txt", "d", worktree);
        repo.WriteFile("a.txt", "changed", worktree);
        repo.WriteFile("new/dir/deep.txt", "x", worktree);
        using var reader = new BranchStatusReader();

        var status = reader.Read(worktree, "main", new ScopeMatcher([]));

        status.Ahead.ShouldBe(2);
        status.Behind.ShouldBe(1);
        status.Uncommitted.ShouldBe(3);
        status.LastCommit!.Sha.ShouldBe(last);
        status.LastCommit.Subject.ShouldBe("second task commit");
        (DateTimeOffset.UtcNow - status.LastCommit.When).ShouldBeLessThan(TimeSpan.FromMinutes(5));
    }

    [Fact]
    public async Task Lists_committed_and_uncommitted_files_outside_the_scope()
    {
        var (repo, worktree) = await RepoWithTaskAsync();
        using var _ = repo;
        await repo.CommitFileAsync("src/billing/Invoice.cs", "x", "in scope", worktree);
        await repo.CommitFileAsync("src/shipping/Parcel.cs", "x", "out of scope", worktree);
        repo.WriteFile("README.md", "touched", worktree);
        using var reader = new BranchStatusReader();

        var status = reader.Read(worktree, "main", new ScopeMatcher(["src/billing/**"]));

        status.OutOfScope.ShouldBe(["README.md", "src/shipping/Parcel.cs"]);
    }

    [Fact]
    public async Task Sees_new_commits_on_a_reused_repository_handle()
    {
        var (repo, worktree) = await RepoWithTaskAsync();
        using var _ = repo;
        using var reader = new BranchStatusReader();
        var scope = new ScopeMatcher(["docs/**"]);
        reader.Read(worktree, "main", scope).Ahead.ShouldBe(0);

        await repo.CommitFileAsync("src/x.cs", "x", "later", worktree);
        var status = reader.Read(worktree, "main", scope);

        status.Ahead.ShouldBe(1);
        status.OutOfScope.ShouldBe(["src/x.cs"]);
    }

    [Fact]
    public async Task A_reused_reader_sees_a_file_written_after_its_last_read()
    {
        var (repo, worktree) = await RepoWithTaskAsync();
        using var _ = repo;
        using var reader = new BranchStatusReader(watch: true, fullRescanInterval: TimeSpan.FromHours(1));
        var scope = new ScopeMatcher([]);
        reader.Read(worktree, "main", scope).Uncommitted.ShouldBe(0);
        reader.Read(worktree, "main", scope).Uncommitted.ShouldBe(0);

        repo.WriteFile("later.txt", "x", worktree);

        (await Eventually.HoldsAsync(() => reader.Read(worktree, "main", scope).Uncommitted == 1)).ShouldBeTrue();
    }

    [Fact]
    public async Task Without_watching_every_read_scans()
    {
        var (repo, worktree) = await RepoWithTaskAsync();
        using var _ = repo;
        using var reader = new BranchStatusReader(watch: false);
        reader.Read(worktree, "main", new ScopeMatcher([])).Uncommitted.ShouldBe(0);

        repo.WriteFile("later.txt", "x", worktree);

        reader.Read(worktree, "main", new ScopeMatcher([])).Uncommitted.ShouldBe(1);
    }

    [Fact]
    public async Task The_change_watcher_reports_a_change_once_then_stays_quiet()
    {
        var dir = Directory.CreateTempSubdirectory("fleet-watch-").FullName;
        try
        {
            using var watcher = new WorktreeChangeWatcher(dir);
            watcher.TakeChanged().ShouldBeTrue(); // the first read always scans
            watcher.TakeChanged().ShouldBeFalse();

            File.WriteAllText(Path.Combine(dir, "f.txt"), "x");

            (await Eventually.HoldsAsync(() => watcher.TakeChanged())).ShouldBeTrue();
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}

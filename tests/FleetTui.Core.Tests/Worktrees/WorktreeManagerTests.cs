using FleetTui.Core.Config;
using FleetTui.Core.Git;
using FleetTui.Core.Tests.Support;
using FleetTui.Core.Worktrees;
using Shouldly;
using Xunit;

namespace FleetTui.Core.Tests.Worktrees;

public class WorktreeManagerTests
{
    private static async Task<(TempRepo Repo, WorktreeManager Manager)> RepoWithManagerAsync()
    {
        var repo = await TempRepo.CreateAsync();
        var facts = await RepositoryFacts.ReadAsync(repo.Git, repo.Path);
        return (repo, new WorktreeManager(repo.Git, facts));
    }

    private static WorktreeRequest Request(TempRepo repo, string task, SetupConfig? setup = null) => new()
    {
        Task = task,
        Branch = $"fleet/{task}",
        BaseRef = "main",
        Path = WorktreePaths.DefaultFor(repo.Path, task),
        Setup = setup ?? new SetupConfig(),
    };

    [Fact]
    public async Task Creates_a_worktree_on_a_new_branch_from_the_base_in_the_sibling_folder()
    {
        var (repo, manager) = await RepoWithManagerAsync();
        using var _ = repo;

        var created = await manager.CreateAsync(Request(repo, "billing"));

        created.Path.ShouldBe(Path.Combine(repo.RootDir, "repo.worktrees", "billing"));
        File.Exists(Path.Combine(created.Path, "README.md")).ShouldBeTrue();
        (await repo.Git.RunAsync(created.Path, ["symbolic-ref", "--short", "HEAD"])).Trim().ShouldBe("fleet/billing");
        var listed = await manager.ListAsync();
        listed.Select(w => w.Path).ShouldBe([repo.Path, created.Path]);
        listed[1].Branch.ShouldBe("fleet/billing");
        created.Setup.Succeeded.ShouldBeTrue();
    }

    [Fact]
    public async Task Many_tasks_created_at_once_all_get_their_worktree_while_another_process_adds_worktrees_too()
    {
        // The cockpit creates every pending task at once; git fails an add that reads another add's half-written registration.
        var (repo, manager) = await RepoWithManagerAsync();
        using var _ = repo;
        using var stop = new CancellationTokenSource();
        // Other processes (a `fleet new`, the user's git) adding worktrees at the same moment; their own failures do not matter here.
        var neighbours = Enumerable.Range(0, 2).Select(n => Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
                await repo.Git.TryRunAsync(repo.Path, ["worktree", "add", "--quiet", "-b", $"other/{n}-{i}", "--", System.IO.Path.Combine(repo.RootDir, $"other-{n}-{i}"), "main"]);
        })).ToList();

        var names = Enumerable.Range(1, 16).Select(i => $"task-{i}").ToList();
        var created = await Task.WhenAll(names.Select(name => manager.CreateAsync(Request(repo, name))));
        await stop.CancelAsync();
        await Task.WhenAll(neighbours);

        created.Select(c => c.Branch).ShouldBe(names.Select(n => $"fleet/{n}"));
        foreach (var worktree in created)
            File.Exists(System.IO.Path.Combine(worktree.Path, "README.md")).ShouldBeTrue();
        (await manager.ListAsync()).Count(w => w.Branch?.StartsWith("fleet/", StringComparison.Ordinal) == true).ShouldBe(16);
    }

    [Theory]
    [InlineData("fatal: failed to read .git/worktrees/d-5/commondir: Success", true)]
    [InlineData("fatal: '/tmp/x' already exists", false)]
    [InlineData("fatal: a branch named 'fleet/x' already exists", false)]
    public void Only_git_s_concurrent_registration_failure_is_retried(string standardError, bool retried) =>
        WorktreeManager.IsConcurrentAddRace(standardError).ShouldBe(retried);

    [Fact]
    public async Task Branches_from_a_base_other_than_head()
    {
        var (repo, manager) = await RepoWithManagerAsync();
        using var _ = repo;
        await repo.RunGitAsync("switch", "--quiet", "-c", "release");
        var releaseTip = await repo.CommitFileAsync("release.txt", "r", "release work");
        await repo.RunGitAsync("switch", "--quiet", "main");

        var created = await manager.CreateAsync(Request(repo, "fix") with { BaseRef = "release" });

        created.BaseCommit.ShouldBe(releaseTip);
        File.Exists(Path.Combine(created.Path, "release.txt")).ShouldBeTrue();
    }

    [Fact]
    public async Task Refuses_an_existing_branch_and_touches_nothing()
    {
        var (repo, manager) = await RepoWithManagerAsync();
        using var _ = repo;
        await repo.RunGitAsync("branch", "fleet/taken");

        var error = await Should.ThrowAsync<WorktreeException>(() => manager.CreateAsync(Request(repo, "taken")));

        error.Message.ShouldContain("branch 'fleet/taken' already exists");
        Directory.Exists(WorktreePaths.DefaultFor(repo.Path, "taken")).ShouldBeFalse();
        (await manager.ListAsync()).Count.ShouldBe(1);
    }

    [Fact]
    public async Task Refuses_a_path_that_exists_and_is_not_empty()
    {
        var (repo, manager) = await RepoWithManagerAsync();
        using var _ = repo;
        var request = Request(repo, "busy");
        Directory.CreateDirectory(request.Path);
        File.WriteAllText(Path.Combine(request.Path, "mine.txt"), "user data");

        var error = await Should.ThrowAsync<WorktreeException>(() => manager.CreateAsync(request));

        error.Message.ShouldContain("already exists and is not empty");
        File.ReadAllText(Path.Combine(request.Path, "mine.txt")).ShouldBe("user data");
        (await repo.Git.BranchExistsAsync(repo.Path, "fleet/busy")).ShouldBeFalse();
    }

    [Fact]
    public async Task Rolls_back_the_branch_git_leaves_behind_when_worktree_add_fails()
    {
        var (repo, manager) = await RepoWithManagerAsync();
        using var _ = repo;
        // A path below a regular file: git creates the branch, then fails to create the folder.
        var blocker = Path.Combine(repo.RootDir, "a-file");
        File.WriteAllText(blocker, "x");

        var error = await Should.ThrowAsync<WorktreeException>(() => manager.CreateAsync(Request(repo, "broken") with { Path = Path.Combine(blocker, "wt") }));

        error.Message.ShouldContain("rolled back");
        (await repo.Git.BranchExistsAsync(repo.Path, "fleet/broken")).ShouldBeFalse();
        (await manager.ListAsync()).Count.ShouldBe(1);
    }

    [Fact]
    public async Task Rolls_back_the_worktree_and_branch_when_a_setup_file_cannot_be_placed()
    {
        var (repo, manager) = await RepoWithManagerAsync();
        using var _ = repo;
        // README.md is tracked, so the new worktree already has it: linking over it is refused after the worktree exists.
        var request = Request(repo, "clash", new SetupConfig { Link = ["README.md"] });

        var error = await Should.ThrowAsync<WorktreeException>(() => manager.CreateAsync(request));

        error.Message.ShouldContain("already has it");
        Directory.Exists(request.Path).ShouldBeFalse();
        (await repo.Git.BranchExistsAsync(repo.Path, "fleet/clash")).ShouldBeFalse();
        (await manager.ListAsync()).Count.ShouldBe(1);
    }

    [Fact]
    public async Task Refuses_a_missing_setup_source_before_creating_anything()
    {
        var (repo, manager) = await RepoWithManagerAsync();
        using var _ = repo;

        var error = await Should.ThrowAsync<WorktreeException>(() => manager.CreateAsync(Request(repo, "nosrc", new SetupConfig { Copy = [".env"] })));

        error.Message.ShouldContain(".env");
        error.Message.ShouldContain("missing");
        (await repo.Git.BranchExistsAsync(repo.Path, "fleet/nosrc")).ShouldBeFalse();
    }

    [Fact]
    public async Task Copies_and_links_setup_files_creates_caches_and_hands_values_to_the_setup_command_as_environment()
    {
        var (repo, manager) = await RepoWithManagerAsync();
        using var _ = repo;
        repo.WriteFile(".env", "SECRET=1\n");
        repo.WriteFile("local/settings.json", "{}");
        var cache = Path.Combine(repo.RootDir, "caches", "nuget");
        var setup = new SetupConfig
        {
            Copy = [".env"],
            Link = ["local/settings.json"],
            Caches = new Dictionary<string, string> { ["NUGET_PACKAGES"] = cache },
            // Values reach the command only as variables; a value with shell syntax must arrive verbatim.
            Run = "printf '%s|%s|%s|%s' \"$FLEET_TASK\" \"$FLEET_DB\" \"$NUGET_PACKAGES\" \"$TRICKY\" > setup-out.txt; echo done-with-setup",
        };
        var request = Request(repo, "env", setup) with
        {
            Environment = new Dictionary<string, string> { ["FLEET_TASK"] = "env", ["FLEET_DB"] = "app_env", ["TRICKY"] = "a'b $(touch pwned) \"c\"" },
            Caches = setup.Caches,
        };

        var created = await manager.CreateAsync(request);

        created.Setup.Succeeded.ShouldBeTrue(created.Setup.Failure);
        File.ReadAllText(Path.Combine(created.Path, ".env")).ShouldBe("SECRET=1\n");
        new FileInfo(Path.Combine(created.Path, "local", "settings.json")).LinkTarget.ShouldBe(Path.Combine(repo.Path, "local", "settings.json"));
        Directory.Exists(cache).ShouldBeTrue();
        File.ReadAllText(Path.Combine(created.Path, "setup-out.txt")).ShouldBe($"env|app_env|{cache}|a'b $(touch pwned) \"c\"");
        File.Exists(Path.Combine(created.Path, "pwned")).ShouldBeFalse();
        created.Setup.LogPath.ShouldBe(Path.Combine(repo.CommonDir, "fleet", "logs", "env", "setup.log"));
        File.ReadAllText(created.Setup.LogPath!).ShouldContain("done-with-setup");
    }

    [Fact]
    public async Task A_failing_setup_keeps_the_worktree_and_reports_its_log()
    {
        var (repo, manager) = await RepoWithManagerAsync();
        using var _ = repo;

        var created = await manager.CreateAsync(Request(repo, "bad", new SetupConfig { Run = "echo about-to-fail >&2; exit 7" }));

        created.Setup.Succeeded.ShouldBeFalse();
        created.Setup.ExitCode.ShouldBe(7);
        created.Setup.Failure!.ShouldContain("exited with code 7");
        Directory.Exists(created.Path).ShouldBeTrue();
        File.ReadAllText(created.Setup.LogPath!).ShouldContain("about-to-fail");
    }

    [Fact]
    public async Task A_setup_that_outlives_its_timeout_is_killed_and_reported()
    {
        var (repo, manager) = await RepoWithManagerAsync();
        using var _ = repo;

        var created = await manager.CreateAsync(Request(repo, "slow", new SetupConfig { Run = "sleep 60", Timeout = TimeSpan.FromMilliseconds(300) }));

        created.Setup.Succeeded.ShouldBeFalse();
        created.Setup.Failure!.ShouldContain("timed out");
    }

    [Fact]
    public async Task Refuses_to_destroy_a_worktree_with_uncommitted_changes_naming_them()
    {
        var (repo, manager) = await RepoWithManagerAsync();
        using var _ = repo;
        var created = await manager.CreateAsync(Request(repo, "dirty"));
        repo.WriteFile("new-file.txt", "x", created.Path);
        repo.WriteFile("README.md", "changed", created.Path);

        var error = await Should.ThrowAsync<DestroyRefusedException>(() => manager.DestroyAsync("dirty", created.Path, created.Branch, "main", force: false));

        error.UncommittedPaths.ShouldBe(["README.md", "new-file.txt"], ignoreOrder: true);
        error.Message.ShouldContain("new-file.txt");
        error.Message.ShouldContain("2 uncommitted path(s)");
        Directory.Exists(created.Path).ShouldBeTrue();
    }

    [Fact]
    public async Task Refuses_to_destroy_an_unmerged_branch_naming_its_commits()
    {
        var (repo, manager) = await RepoWithManagerAsync();
        using var _ = repo;
        var created = await manager.CreateAsync(Request(repo, "work"));
        await repo.CommitFileAsync("feature.txt", "f", "Add the feature", created.Path);

        var error = await Should.ThrowAsync<DestroyRefusedException>(() => manager.DestroyAsync("work", created.Path, created.Branch, "main", force: false));

        error.UnmergedCommits.Count.ShouldBe(1);
        error.Message.ShouldContain("1 commit(s) not merged into main");
        error.Message.ShouldContain("Add the feature");
        (await repo.Git.BranchExistsAsync(repo.Path, "fleet/work")).ShouldBeTrue();
    }

    [Fact]
    public async Task Destroys_a_merged_task_removing_worktree_and_branch()
    {
        var (repo, manager) = await RepoWithManagerAsync();
        using var _ = repo;
        var created = await manager.CreateAsync(Request(repo, "done"));
        await repo.CommitFileAsync("done.txt", "d", "finish", created.Path);
        await repo.RunGitAsync("merge", "--quiet", "--no-edit", "fleet/done");

        var branchDeleted = (await manager.DestroyAsync("done", created.Path, created.Branch, "main", force: false)).BranchDeleted;

        branchDeleted.ShouldBeTrue();
        Directory.Exists(created.Path).ShouldBeFalse();
        (await repo.Git.BranchExistsAsync(repo.Path, "fleet/done")).ShouldBeFalse();
        (await manager.ListAsync()).Count.ShouldBe(1);
    }

    [Fact]
    public async Task Force_destroys_a_dirty_unmerged_task()
    {
        var (repo, manager) = await RepoWithManagerAsync();
        using var _ = repo;
        var created = await manager.CreateAsync(Request(repo, "scrap"));
        await repo.CommitFileAsync("a.txt", "a", "unmerged", created.Path);
        repo.WriteFile("untracked.txt", "u", created.Path);

        var branchDeleted = (await manager.DestroyAsync("scrap", created.Path, created.Branch, "main", force: true)).BranchDeleted;

        branchDeleted.ShouldBeTrue();
        Directory.Exists(created.Path).ShouldBeFalse();
        (await repo.Git.BranchExistsAsync(repo.Path, "fleet/scrap")).ShouldBeFalse();
        File.Exists(Path.Combine(repo.Path, "README.md")).ShouldBeTrue();
    }

    [Fact]
    public async Task Destroying_a_worktree_deleted_by_hand_prunes_gits_entry_and_keeps_an_unmerged_branch_only_when_refused()
    {
        var (repo, manager) = await RepoWithManagerAsync();
        using var _ = repo;
        var created = await manager.CreateAsync(Request(repo, "gone"));
        Directory.Delete(created.Path, recursive: true);

        var branchDeleted = (await manager.DestroyAsync("gone", created.Path, created.Branch, "main", force: false)).BranchDeleted;

        branchDeleted.ShouldBeTrue(); // the branch had no commits of its own: merged by definition
        (await manager.ListAsync()).Count.ShouldBe(1);
    }

    [Fact]
    public async Task Refuses_to_delete_a_folder_git_does_not_know_as_a_worktree()
    {
        var (repo, manager) = await RepoWithManagerAsync();
        using var _ = repo;
        var stranger = Path.Combine(repo.RootDir, "stranger");
        Directory.CreateDirectory(stranger);

        await Should.ThrowAsync<WorktreeException>(() => manager.DestroyAsync("x", stranger, "fleet/x", "main", force: true));

        Directory.Exists(stranger).ShouldBeTrue();
    }

    [Fact]
    public async Task Files_placed_by_setup_are_not_work_that_would_be_lost()
    {
        var (repo, manager) = await RepoWithManagerAsync();
        using var _ = repo;
        repo.WriteFile(".env", "SECRET=1\n");
        repo.WriteFile("local.json", "{}");
        var setup = new SetupConfig { Copy = [".env"], Link = ["local.json"] };
        var created = await manager.CreateAsync(Request(repo, "placed", setup));

        await manager.DestroyAsync("placed", created.Path, created.Branch, "main", force: false, setupFiles: [".env", "local.json"]);

        Directory.Exists(created.Path).ShouldBeFalse();
        File.ReadAllText(Path.Combine(repo.Path, "local.json")).ShouldBe("{}"); // the link's target is untouched
    }
}

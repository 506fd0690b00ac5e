using FleetTui.Core.Config;
using FleetTui.Core.Merging;
using FleetTui.Core.Session;
using Shouldly;
using Xunit;

namespace FleetTui.Core.Tests.Merging;

public sealed class MergeRunTests : IDisposable
{
    private readonly TestRepo _repo = TestRepo.Create(new Dictionary<string, string> { ["README.md"] = "hello\n", ["shared.txt"] = "one\ntwo\nthree\n" });
    private readonly MergeFixture _fixture;
    private readonly RecordingMergeHost _host;

    public MergeRunTests()
    {
        _fixture = new MergeFixture(_repo);
        _host = new RecordingMergeHost(_repo);
    }

    public void Dispose() => _repo.Dispose();

    private string Work(string task, string? file = null, string? text = null)
    {
        var wt = Directory.Exists(_repo.WorktreePath(task)) ? _repo.WorktreePath(task) : _repo.AddTask(task);
        return _repo.Commit(wt, task + " work", (file ?? task + ".txt", text ?? task + "\n"));
    }

    /// <summary>The tasks merged into main, oldest first, read from main's first-parent history.</summary>
    private List<string> MergedOnMain() =>
        _repo.Git("log", "--first-parent", "--reverse", "--format=%s", "main").Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Where(s => s.StartsWith("Merge fleet task '", StringComparison.Ordinal))
            .Select(s => s.Split('\'')[1]).ToList();

    [Fact]
    public async Task A_diamond_of_dependencies_merges_in_a_valid_topological_order()
    {
        // File order deliberately not topological, ready times deliberately "wrong".
        foreach (var task in new[] { "top", "left", "right", "root" })
            Work(task);
        var tasks = new[]
        {
            _fixture.Facts("top", "left", "right") with { ReadySince = DateTimeOffset.UnixEpoch },
            _fixture.Facts("left", "root"),
            _fixture.Facts("right", "root"),
            _fixture.Facts("root") with { ReadySince = DateTimeOffset.UnixEpoch.AddYears(50) },
        };

        var report = await _fixture.RunAsync(_host, tasks);

        report.Succeeded.ShouldBeTrue(string.Join("\n", report.Steps.Select(s => s.Message)));
        var order = MergedOnMain();
        order.ShouldBe(["root", "left", "right", "top"]);
        _host.MergedInOrder.ShouldBe(order);
        foreach (var task in order)
            File.Exists(Path.Combine(_repo.Path, task + ".txt")).ShouldBeTrue();
    }

    [Fact]
    public async Task A_conflicting_task_goes_to_review_its_dependents_are_held_and_independent_tasks_still_merge()
    {
        Work("clash", "shared.txt", "one\nCLASH\nthree\n");
        _repo.Commit(_repo.Path, "base edits shared", ("shared.txt", "one\nBASE\nthree\n"));
        Work("after", "after.txt");
        Work("child");
        var clashTip = _repo.Rev("fleet/clash");
        var clashFiles = _repo.Fingerprint().Split('\n').Where(l => l.Contains("/wt/clash", StringComparison.Ordinal)).ToList();
        _fixture.Phases["child"] = TaskPhase.Active;

        var report = await _fixture.RunAsync(_host, [_fixture.Facts("clash"), _fixture.Facts("child", "clash"), _fixture.Facts("after")]);

        report.Succeeded.ShouldBeFalse();
        report.SentToReview.ShouldBe(["clash"]);
        _host.Review["clash"].ShouldBe(["shared.txt"]);
        report.Steps.ShouldContain(s => s.Task == "child" && s.Kind == MergeStepKind.Held);
        report.Merged.ShouldBe(["after"]);
        _repo.Rev("fleet/clash").ShouldBe(clashTip);
        _repo.Fingerprint().Split('\n').Where(l => l.Contains("/wt/clash", StringComparison.Ordinal)).ToList().ShouldBe(clashFiles);
        File.ReadAllText(Path.Combine(_repo.Path, "shared.txt")).ShouldBe("one\nBASE\nthree\n");
    }

    [Fact]
    public async Task A_failing_gate_blocks_the_merge_and_keeps_its_log()
    {
        Work("api");
        _fixture.GateCommands["api"] = "echo 'unit tests: 1 failed'; exit 1";
        var mainBefore = _repo.Rev("main");

        var report = await _fixture.RunAsync(_host, [_fixture.Facts("api")]);

        report.GateFailed.ShouldBe(["api"]);
        report.Succeeded.ShouldBeFalse();
        _repo.Rev("main").ShouldBe(mainBefore);
        Directory.Exists(_repo.WorktreePath("api")).ShouldBeTrue();
        var gate = _host.Gates["api"];
        gate.Outcome.ShouldBe(GateOutcome.Failed);
        gate.Commit.ShouldBe(_repo.Rev("fleet/api"));
        File.ReadAllText(gate.LogPath!).ShouldContain("unit tests: 1 failed");
    }

    [Fact]
    public async Task A_passing_gate_lets_the_task_merge()
    {
        Work("api");
        _fixture.GateCommands["api"] = "test -f api.txt";

        var report = await _fixture.RunAsync(_host, [_fixture.Facts("api")]);

        report.Merged.ShouldBe(["api"]);
        _host.Gates["api"].Outcome.ShouldBe(GateOutcome.Passed);
    }

    [Fact]
    public async Task A_dirty_main_worktree_stops_the_run_names_the_files_and_nothing_moves()
    {
        Work("api");
        Work("web");
        _repo.Write("README.md", "my edit\n");
        var before = _repo.Fingerprint();

        var report = await _fixture.RunAsync(_host, [_fixture.Facts("api"), _fixture.Facts("web")]);

        report.Stopped.ShouldNotBeNull().Message.ShouldContain("README.md");
        report.Succeeded.ShouldBeFalse();
        report.Merged.ShouldBeEmpty();
        _repo.Fingerprint().ShouldBe(before);
    }

    [Fact]
    public async Task Dependents_start_from_the_integrated_base_and_their_first_parent_is_the_merge_commit()
    {
        Work("api");

        var report = await _fixture.RunAsync(_host, [_fixture.Facts("api"), _fixture.Facts("ui", "api")]);

        report.Merged.ShouldBe(["api"]);
        var mergeCommit = _repo.Rev("main");
        _repo.Rev("main^2").ShouldNotBeNull();
        _host.Started.ShouldContainKeyAndValue("ui", mergeCommit);
        report.Steps.ShouldContain(s => s.Task == "ui" && s.Kind == MergeStepKind.DependentStarted);
        // The dependent's own first commit sits on the merge commit.
        Work("ui");
        _repo.Rev("fleet/ui~1").ShouldBe(mergeCommit);
        _repo.Git("log", "-1", "--format=%s", "fleet/ui~1").Trim().ShouldBe("Merge fleet task 'api' (fleet/api)");
        File.Exists(Path.Combine(_repo.WorktreePath("ui"), "api.txt")).ShouldBeTrue();
    }

    [Fact]
    public async Task A_dependent_starts_only_when_its_last_dependency_has_merged()
    {
        Work("api");
        Work("db");
        _fixture.GateCommands["db"] = "exit 1";

        var report = await _fixture.RunAsync(_host, [_fixture.Facts("api"), _fixture.Facts("db"), _fixture.Facts("ui", "api", "db")]);

        report.Merged.ShouldBe(["api"]);
        _host.Started.ShouldBeEmpty();
        Directory.Exists(_repo.WorktreePath("ui")).ShouldBeFalse();
    }

    [Fact]
    public async Task After_a_merge_the_worktree_and_branch_are_removed()
    {
        Work("api");

        await _fixture.RunAsync(_host, [_fixture.Facts("api")]);

        Directory.Exists(_repo.WorktreePath("api")).ShouldBeFalse();
        _repo.Git("branch", "--list", "fleet/api").ShouldBeEmpty();
        File.Exists(Path.Combine(_repo.Path, "api.txt")).ShouldBeTrue();
    }

    [Fact]
    public async Task Cleanup_refuses_to_remove_a_worktree_that_got_new_uncommitted_work()
    {
        Work("api");
        var facts = _fixture.Facts("api");
        _repo.Write("scratch.txt", "written after the facts were read\n", _repo.WorktreePath("api"));

        var report = await _fixture.RunAsync(_host, [facts]);

        report.Merged.ShouldBe(["api"]);
        report.Steps.ShouldContain(s => s.Task == "api" && s.Kind == MergeStepKind.CleanupRefused);
        File.ReadAllText(Path.Combine(_repo.WorktreePath("api"), "scratch.txt")).ShouldStartWith("written after");
        _repo.Git("branch", "--list", "fleet/api").ShouldNotBeEmpty();
    }

    [Fact]
    public async Task With_cleanup_never_the_worktree_stays()
    {
        Work("api");

        await _fixture.RunAsync(_host, [_fixture.Facts("api")], MergeFixture.Settings(cleanup: CleanupPolicy.Never));

        Directory.Exists(_repo.WorktreePath("api")).ShouldBeTrue();
    }

    [Fact]
    public async Task Tasks_that_are_not_ready_are_skipped_with_the_reason()
    {
        Work("api");
        _repo.Write("wip.txt", "wip\n", _repo.WorktreePath("api"));

        var report = await _fixture.RunAsync(_host, [_fixture.Facts("api")]);

        report.Steps.ShouldHaveSingleItem().ShouldBe(new MergeStep("api", MergeStepKind.Skipped, "api: skipped: 1 uncommitted change in its worktree"));
    }
}

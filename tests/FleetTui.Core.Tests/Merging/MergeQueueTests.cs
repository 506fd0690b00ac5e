using FleetTui.Core.Merging;
using FleetTui.Core.Session;
using Shouldly;
using Xunit;

namespace FleetTui.Core.Tests.Merging;

public sealed class MergeQueueTests : IDisposable
{
    private readonly TestRepo _repo = TestRepo.Create(new Dictionary<string, string> { ["README.md"] = "hello\n", ["src/shared.txt"] = "one\ntwo\nthree\n" });
    private readonly MergeQueue _queue;

    public MergeQueueTests() => _queue = _repo.Queue();

    public void Dispose() => _repo.Dispose();

    private static MergeRequest Request(string task, bool fastForward = false, GateRequest? gate = null) =>
        new() { Task = task, Branch = "fleet/" + task, BaseBranch = "main", FastForward = fastForward, GateOnMergedResult = gate };

    [Fact]
    public async Task A_clean_task_is_merged_with_a_merge_commit_whose_first_parent_is_the_old_base()
    {
        var wt = _repo.AddTask("api");
        var taskTip = _repo.Commit(wt, "api work", ("api.txt", "api\n"));
        _repo.Commit(_repo.Path, "base moves on", ("base.txt", "base\n"));
        var oldBase = _repo.Rev("main");

        var outcome = await _queue.MergeAsync(Request("api"));

        var merged = outcome.ShouldBeOfType<MergeOutcome.Merged>();
        merged.FastForwarded.ShouldBeFalse();
        _repo.Rev("main").ShouldBe(merged.Commit);
        _repo.Rev("main^1").ShouldBe(oldBase);
        _repo.Rev("main^2").ShouldBe(taskTip);
        _repo.Git("log", "-1", "--format=%s", "main").Trim().ShouldBe("Merge fleet task 'api' (fleet/api)");
        // The main worktree followed the way git merge would: files present, index clean.
        File.ReadAllText(Path.Combine(_repo.Path, "api.txt")).ShouldBe("api\n");
        _repo.Git("status", "--porcelain").ShouldBeEmpty();
    }

    [Fact]
    public async Task A_fast_forward_is_used_when_configured_and_possible()
    {
        var wt = _repo.AddTask("api");
        var taskTip = _repo.Commit(wt, "api work", ("api.txt", "api\n"));

        var outcome = await _queue.MergeAsync(Request("api", fastForward: true));

        outcome.ShouldBeOfType<MergeOutcome.Merged>().FastForwarded.ShouldBeTrue();
        _repo.Rev("main").ShouldBe(taskTip);
    }

    [Fact]
    public async Task Without_fast_forward_a_merge_commit_is_made_even_when_a_fast_forward_was_possible()
    {
        var wt = _repo.AddTask("api");
        var taskTip = _repo.Commit(wt, "api work", ("api.txt", "api\n"));

        var outcome = await _queue.MergeAsync(Request("api"));

        outcome.ShouldBeOfType<MergeOutcome.Merged>().FastForwarded.ShouldBeFalse();
        _repo.Rev("main^2").ShouldBe(taskTip);
    }

    [Fact]
    public async Task A_conflict_goes_to_review_and_changes_no_branch_no_worktree_and_no_index()
    {
        var wt = _repo.AddTask("api");
        _repo.Commit(wt, "api edits shared", ("src/shared.txt", "one\nTWO-api\nthree\n"));
        _repo.Commit(_repo.Path, "base edits shared", ("src/shared.txt", "one\nTWO-base\nthree\n"));
        var other = _repo.AddTask("other");
        _repo.Write("uncommitted.txt", "someone's work\n", other);
        var before = _repo.Fingerprint();

        var outcome = await _queue.MergeAsync(Request("api"));

        outcome.ShouldBeOfType<MergeOutcome.Conflicted>().Paths.ShouldBe(["src/shared.txt"]);
        _repo.Fingerprint().ShouldBe(before);
    }

    [Fact]
    public async Task A_dirty_main_worktree_is_never_overwritten_and_the_message_names_the_dirty_files()
    {
        var wt = _repo.AddTask("api");
        _repo.Commit(wt, "api edits readme", ("README.md", "api readme\n"));
        _repo.Write("README.md", "my local edit\n");
        _repo.Write("notes/todo.txt", "untracked\n");
        var before = _repo.Fingerprint();

        var outcome = await _queue.MergeAsync(Request("api"));

        var dirty = outcome.ShouldBeOfType<MergeOutcome.BaseDirty>();
        dirty.Files.ShouldBe(["README.md", "notes/todo.txt"], ignoreOrder: true);
        dirty.Describe("api").ShouldContain("README.md");
        dirty.Describe("api").ShouldContain(_repo.Path);
        _repo.Fingerprint().ShouldBe(before);
        File.ReadAllText(Path.Combine(_repo.Path, "README.md")).ShouldBe("my local edit\n");
    }

    [Fact]
    public async Task When_the_base_is_not_checked_out_its_ref_is_moved_by_compare_and_swap()
    {
        var wt = _repo.AddTask("api");
        _repo.Commit(wt, "api work", ("api.txt", "api\n"));
        _repo.Git("checkout", "-q", "--detach");
        _repo.Write("README.md", "dirty but irrelevant: main is not checked out here\n");
        var oldBase = _repo.Rev("main");

        var outcome = await _queue.MergeAsync(Request("api"));

        var merged = outcome.ShouldBeOfType<MergeOutcome.Merged>();
        _repo.Rev("main").ShouldBe(merged.Commit);
        _repo.Rev("main^1").ShouldBe(oldBase);
        _repo.Rev("HEAD").ShouldBe(oldBase);
        File.ReadAllText(Path.Combine(_repo.Path, "README.md")).ShouldStartWith("dirty but irrelevant");
    }

    [Fact]
    public async Task A_task_already_in_the_base_is_reported_and_nothing_moves()
    {
        _repo.AddTask("api");
        var before = _repo.Fingerprint();

        (await _queue.MergeAsync(Request("api"))).ShouldBeOfType<MergeOutcome.AlreadyMerged>();
        _repo.Fingerprint().ShouldBe(before);
    }

    [Fact]
    public async Task A_gate_failing_on_the_merged_result_keeps_the_base_and_the_log_and_removes_the_temporary_checkout()
    {
        var wt = _repo.AddTask("api");
        _repo.Commit(wt, "api work", ("api.txt", "api\n"));
        _repo.Commit(_repo.Path, "base work", ("base.txt", "base\n"));
        var before = _repo.Fingerprint();
        // Fails only where both sides are present: it really runs on the merge result.
        var gate = new GateRequest { Task = "api", Command = "ls; test ! -f api.txt || test ! -f base.txt", WorkingDirectory = "" };

        var outcome = await _queue.MergeAsync(Request("api", gate: gate));

        var failed = outcome.ShouldBeOfType<MergeOutcome.MergedResultGateFailed>();
        failed.Gate.Outcome.ShouldBe(GateOutcome.Failed);
        File.ReadAllText(failed.Gate.LogPath!).ShouldContain("api.txt");
        _repo.Fingerprint().ShouldBe(before);
        _repo.Git("worktree", "list", "--porcelain").ShouldNotContain("fleet-gate-");
    }

    [Fact]
    public async Task A_gate_passing_on_the_merged_result_lets_the_base_move()
    {
        var wt = _repo.AddTask("api");
        _repo.Commit(wt, "api work", ("api.txt", "api\n"));
        var gate = new GateRequest { Task = "api", Command = "test -f api.txt && test -f README.md", WorkingDirectory = "" };

        var outcome = await _queue.MergeAsync(Request("api", gate: gate));

        var merged = outcome.ShouldBeOfType<MergeOutcome.Merged>();
        merged.MergedResultGate!.Outcome.ShouldBe(GateOutcome.Passed);
        merged.MergedResultGate.Commit.ShouldBe(merged.Commit);
        _repo.Rev("main").ShouldBe(merged.Commit);
    }
}

using FleetTui.Core.Merging;
using Shouldly;
using Xunit;

namespace FleetTui.Core.Tests.Merging;

public sealed class ConflictProbeTests : IDisposable
{
    private readonly TestRepo _repo = TestRepo.Create(new Dictionary<string, string>
    {
        ["README.md"] = "hello\n",
        ["src/shared.cs"] = "one\ntwo\nthree\n",
        ["src/other.cs"] = "alpha\nbeta\n",
    });

    public void Dispose() => _repo.Dispose();

    private static ProbeBranch Branch(string task) => new(task, "fleet/" + task);

    [Fact]
    public void Two_branches_editing_the_same_lines_are_predicted_to_conflict_with_the_path()
    {
        _repo.Commit(_repo.AddTask("a"), "a", ("src/shared.cs", "one\nA\nthree\n"));
        _repo.Commit(_repo.AddTask("b"), "b", ("src/shared.cs", "one\nB\nthree\n"), ("b.txt", "b\n"));
        _repo.Commit(_repo.AddTask("c"), "c", ("src/other.cs", "alpha\nC\n"));
        using var probe = new ConflictProbe(_repo.Path);

        var conflicts = probe.Refresh("main", [Branch("a"), Branch("b"), Branch("c")]);

        conflicts.ShouldBe([new PredictedConflict("a", "b", ["src/shared.cs"])]);
    }

    [Fact]
    public void A_branch_that_conflicts_with_the_current_base_is_reported_against_the_base()
    {
        _repo.Commit(_repo.AddTask("a"), "a", ("src/other.cs", "alpha\nA\n"));
        _repo.Commit(_repo.Path, "base", ("src/other.cs", "alpha\nBASE\n"));
        using var probe = new ConflictProbe(_repo.Path);

        var conflict = probe.Refresh("main", [Branch("a")]).ShouldHaveSingleItem();

        conflict.WithBase.ShouldBeTrue();
        conflict.Paths.ShouldBe(["src/other.cs"]);
    }

    [Fact]
    public void Branches_touching_different_files_do_not_conflict()
    {
        _repo.Commit(_repo.AddTask("a"), "a", ("a.txt", "a\n"));
        _repo.Commit(_repo.AddTask("b"), "b", ("b.txt", "b\n"));
        using var probe = new ConflictProbe(_repo.Path);

        probe.Refresh("main", [Branch("a"), Branch("b")]).ShouldBeEmpty();
    }

    [Fact]
    public void A_refresh_only_recomputes_the_pairs_of_a_branch_that_moved()
    {
        foreach (var task in new[] { "a", "b", "c", "d" })
            _repo.Commit(_repo.AddTask(task), task, (task + ".txt", task + "\n"));
        using var probe = new ConflictProbe(_repo.Path);
        var branches = new[] { Branch("a"), Branch("b"), Branch("c"), Branch("d") };

        probe.Refresh("main", branches);
        probe.LastRefreshMerges.ShouldBe(4 + 6);
        probe.Refresh("main", branches);
        probe.LastRefreshMerges.ShouldBe(0);
        _repo.Commit(_repo.WorktreePath("b"), "b again", ("src/shared.cs", "one\nB\nthree\n"));
        var conflicts = probe.Refresh("main", branches);

        probe.LastRefreshMerges.ShouldBe(1 + 3);
        conflicts.ShouldBeEmpty();
        _repo.Commit(_repo.WorktreePath("d"), "d clashes with b", ("src/shared.cs", "one\nD\nthree\n"));
        probe.Refresh("main", branches).ShouldBe([new PredictedConflict("b", "d", ["src/shared.cs"])]);
    }

    [Fact]
    public void Probing_changes_no_ref_no_worktree_and_no_index()
    {
        _repo.Commit(_repo.AddTask("a"), "a", ("src/shared.cs", "one\nA\nthree\n"));
        _repo.Commit(_repo.AddTask("b"), "b", ("src/shared.cs", "one\nB\nthree\n"));
        _repo.Write("README.md", "uncommitted\n");
        var before = _repo.Fingerprint();
        using var probe = new ConflictProbe(_repo.Path);

        probe.Refresh("main", [Branch("a"), Branch("b")]).ShouldNotBeEmpty();

        _repo.Fingerprint().ShouldBe(before);
    }

    [Fact]
    public void A_branch_that_does_not_exist_yet_is_left_out()
    {
        _repo.Commit(_repo.AddTask("a"), "a", ("a.txt", "a\n"));
        using var probe = new ConflictProbe(_repo.Path);

        probe.Refresh("main", [Branch("a"), Branch("not-started")]).ShouldBeEmpty();
        probe.LastRefreshMerges.ShouldBe(1);
    }

    [Fact]
    public void Two_branches_editing_different_lines_of_the_same_file_merge_cleanly()
    {
        _repo.Commit(_repo.AddTask("a"), "a", ("src/shared.cs", "ONE\ntwo\nthree\n"));
        _repo.Commit(_repo.AddTask("b"), "b", ("src/shared.cs", "one\ntwo\nTHREE\n"));
        using var probe = new ConflictProbe(_repo.Path);

        probe.Refresh("main", [Branch("a"), Branch("b")]).ShouldBeEmpty();
    }

    [Fact]
    public void A_file_on_one_side_where_the_other_side_makes_a_folder_is_a_conflict()
    {
        _repo.Commit(_repo.AddTask("a"), "a", ("docs", "a file\n"));
        _repo.Commit(_repo.AddTask("b"), "b", ("docs/guide.md", "a folder\n"));
        using var probe = new ConflictProbe(_repo.Path);

        probe.Refresh("main", [Branch("a"), Branch("b")]).ShouldHaveSingleItem().Paths.ShouldContain("docs");
    }

    [Fact]
    public void A_file_deleted_on_one_side_and_edited_on_the_other_is_a_conflict()
    {
        var a = _repo.AddTask("a");
        File.Delete(Path.Combine(a, "src/other.cs"));
        _repo.Commit(a, "a deletes other");
        _repo.Commit(_repo.AddTask("b"), "b", ("src/other.cs", "alpha\nB\n"));
        using var probe = new ConflictProbe(_repo.Path);

        probe.Refresh("main", [Branch("a"), Branch("b")]).ShouldHaveSingleItem().Paths.ShouldBe(["src/other.cs"]);
    }
}

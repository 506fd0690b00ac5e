using FleetTui.Core.Review;
using FleetTui.Core.Tests.Support;
using Shouldly;
using Xunit;

namespace FleetTui.Core.Tests.Review;

public class UnifiedDiffTests
{
    [Fact]
    public async Task A_tasks_diff_against_its_merge_base_lists_files_counts_hunks_and_line_numbers()
    {
        using var repo = await TempRepo.CreateAsync();
        await repo.CommitFileAsync("src/pricing.sh", "a\nb\nprice=100\nc\nd\n", "base");
        await repo.CommitFileAsync("old.txt", "gone\n", "more base");
        await repo.RunGitAsync("switch", "-q", "-c", "fleet/t");
        repo.WriteFile("src/pricing.sh", "a\nb\nprice=120\nc\nd\ne\n");
        File.Delete(System.IO.Path.Combine(repo.Path, "old.txt"));
        repo.WriteFile("docs/new.md", "hello\n");
        await repo.CommitAllAsync("the task's work");
        await repo.RunGitAsync("switch", "-q", "main");
        await repo.CommitFileAsync("later-on-main.txt", "not the task's\n", "main moves on");

        var diff = await new TaskDiffReader(repo.Git).ReadAsync(repo.Path, "fleet/t", "main");
        var files = UnifiedDiff.Parse(diff!.Text);

        files.Select(f => (f.Path, f.Status, f.Added, f.Removed)).ShouldBe([
            ("docs/new.md", DiffFileStatus.Added, 1, 0),
            ("old.txt", DiffFileStatus.Deleted, 0, 1),
            ("src/pricing.sh", DiffFileStatus.Modified, 2, 1),
        ]);
        var hunk = files[2].Hunks.Single();
        hunk.Lines.Single(l => l.Kind == DiffLineKind.Added && l.Text == "price=120").NewNumber.ShouldBe(3);
        hunk.Lines.Single(l => l.Kind == DiffLineKind.Removed).OldNumber.ShouldBe(3);
        hunk.Lines.Single(l => l.Text == "e").NewNumber.ShouldBe(6);
    }

    [Fact]
    public void A_replaced_line_marks_only_the_words_that_changed()
    {
        var files = UnifiedDiff.Parse("""
            diff --git a/x.sh b/x.sh
            --- a/x.sh
            +++ b/x.sh
            @@ -1,2 +1,2 @@
            -echo $((base + base * VAT))
            +echo $((base - base * MEMBER_DISCOUNT))
             done

            """);

        var lines = files.Single().Hunks.Single().Lines;
        var removed = lines[0];
        var added = lines[1];
        removed.Changed.Select(r => removed.Text.Substring(r.Start, r.Length)).ShouldBe(["+", "VAT"]);
        added.Changed.Select(r => added.Text.Substring(r.Start, r.Length)).ShouldBe(["-", "MEMBER_DISCOUNT"]);
    }

    [Fact]
    public void Lines_with_little_in_common_stay_whole_and_renames_keep_both_paths()
    {
        var files = UnifiedDiff.Parse("""
            diff --git a/a.txt b/b.txt
            similarity index 80%
            rename from a.txt
            rename to b.txt
            --- a/a.txt
            +++ b/b.txt
            @@ -1 +1 @@
            -completely different words here
            +nothing alike at all now
            \ No newline at end of file

            """);

        var file = files.Single();
        file.Status.ShouldBe(DiffFileStatus.Renamed);
        (file.OldPath, file.NewPath).ShouldBe(("a.txt", "b.txt"));
        file.Hunks.Single().Lines.Take(2).ShouldAllBe(l => l.Changed.Count == 0);
        file.Hunks.Single().Lines[2].Kind.ShouldBe(DiffLineKind.Note);
    }
}

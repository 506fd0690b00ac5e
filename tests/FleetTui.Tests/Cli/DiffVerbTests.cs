using FleetTui.Cli;
using FleetTui.Core.Tests.Support;
using Shouldly;
using Xunit;

namespace FleetTui.Tests.Cli;

public class DiffVerbTests
{
    [Fact]
    public async Task Diff_prints_the_tasks_committed_work_against_its_merge_base_with_a_file_summary()
    {
        using var repo = await TempRepo.CreateAsync();
        await repo.CommitFileAsync("src/pricing.sh", "price() {\n  echo \"$base\"\n}\n", "pricing");
        VerbRunner.Run(repo, "new", "vat", "--agent", "shell").ExitCode.ShouldBe(ExitCodes.Ok);
        var worktree = Path.Combine(repo.RootDir, "repo.worktrees", "vat");
        repo.WriteFile("src/pricing.sh", "price() {\n  echo $((base + base * VAT))\n}\n", worktree);
        await repo.CommitAllAsync("add VAT", worktree);
        await repo.CommitFileAsync("unrelated.txt", "main moved on\n", "later on main");

        var outcome = VerbRunner.Run(repo, "diff", "vat");

        outcome.ExitCode.ShouldBe(ExitCodes.Ok, outcome.Error);
        outcome.Out.ShouldContain("fleet/vat against main");
        outcome.Out.ShouldContain("1 file, +1 −1");
        outcome.Out.ShouldContain("-  echo \"$base\"");
        outcome.Out.ShouldContain("+  echo $((base + base * VAT))");
        outcome.Out.ShouldNotContain("unrelated.txt");
        outcome.Out.ShouldNotContain("\e[", Case.Sensitive, "no colours when stdout is not a terminal");
    }

    [Fact]
    public async Task Diff_of_an_unknown_task_is_a_usage_error()
    {
        using var repo = await TempRepo.CreateAsync();

        var outcome = VerbRunner.Run(repo, "diff", "nope");

        outcome.ExitCode.ShouldBe(ExitCodes.Usage);
        outcome.Error.ShouldContain("no task named 'nope'");
    }

    [Fact]
    public void Colours_mark_added_and_removed_lines_and_the_changed_words()
    {
        var text = DiffText.Render(new FleetTui.Core.Review.TaskDiffText("fleet/t", "main", "abc", """
            diff --git a/x b/x
            --- a/x
            +++ b/x
            @@ -1 +1 @@
            -total = a + b
            +total = a - b

            """), color: true);

        text.ShouldContain("\e[31m-total = a \e[7m+\e[0m\e[31m b\e[0m");
        text.ShouldContain("\e[32m+total = a \e[7m-\e[0m\e[32m b\e[0m");
    }
}

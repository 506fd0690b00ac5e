using FleetTui.Demo;
using Shouldly;
using Xunit;

namespace FleetTui.Tests.Demo;

public sealed class DemoScriptsTests : IDisposable
{
    private readonly IsolatedGit _git = new();

    public void Dispose() => _git.Dispose();

    public static TheoryData<string> IndependentTasks => new(DemoFleet.Tasks.Where(t => t.DependsOn.Count == 0).Select(t => t.Name));

    [Fact]
    public void Every_demo_task_has_a_script_and_every_script_a_task()
    {
        DemoScripts.All.Select(s => s.Task).ShouldBe(DemoFleet.Tasks.Select(t => t.Name));
        foreach (var script in DemoScripts.All)
            script.Prompt.ShouldBe(DemoFleet.Find(script.Task)!.Prompt);
    }

    [Fact]
    public void Every_script_waits_for_approval_at_least_once_and_commits_what_it_changed()
    {
        foreach (var script in DemoScripts.All)
        {
            script.Steps.OfType<DemoStep.Edit>().Count(e => e.Ask).ShouldBeGreaterThanOrEqualTo(1, script.Task);
            script.Steps.Last().ShouldBeOfType<DemoStep.Commit>(script.Task);
            script.ChangedPaths.ShouldNotBeEmpty(script.Task);
        }
    }

    [Fact]
    public void Every_script_stays_inside_its_tasks_scope()
    {
        foreach (var script in DemoScripts.All)
        {
            var scope = DemoFleet.Find(script.Task)!.Scope;
            foreach (var path in script.ChangedPaths)
                scope.Any(glob => InScope(glob, path)).ShouldBeTrue($"{script.Task} changes {path}");
        }
    }

    [Theory]
    [MemberData(nameof(IndependentTasks))]
    public async Task An_independent_script_applied_on_main_commits_its_files_and_keeps_the_check_green(string task)
    {
        using var repository = await _git.CreateDemoAsync();
        var script = DemoScripts.For(task)!;

        await ApplyAsync(repository, task);

        var branch = $"fleet/{task}";
        (await _git.GitAsync(repository.RepositoryPath, "log", "--format=%s", $"main..{branch}")).Trim().ShouldBe(string.Join('\n', script.CommitMessages.Reverse()));
        (await _git.GitAsync(repository.RepositoryPath, "diff", "--name-only", $"main...{branch}")).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Order(StringComparer.Ordinal).ShouldBe(script.ChangedPaths.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Checkout_builds_on_the_base_after_catalog_and_pricing_merged()
    {
        using var repository = await _git.CreateDemoAsync();
        await ApplyAsync(repository, "catalog");
        await ApplyAsync(repository, "pricing");
        await _git.GitAsync(repository.RepositoryPath, "merge", "--quiet", "--no-ff", "-m", "Merge catalog", "fleet/catalog");
        await _git.GitAsync(repository.RepositoryPath, "merge", "--quiet", "--no-ff", "-m", "Merge pricing", "fleet/pricing");

        var worktree = await ApplyAsync(repository, "checkout");

        (await _git.GitAsync(worktree, "log", "-1", "--format=%s")).Trim().ShouldBe("checkout: shipping below 20.00, baskets with VAT");
        (await File.ReadAllTextAsync(Path.Combine(worktree, "tests", "checkout_test.sh"))).ShouldContain("checkout_total coffee coffee cheese");
        (await _git.RunAsync(worktree, "sh", "check.sh")).ExitCode.ShouldBe(0);
    }

    [Fact]
    public async Task Checkout_cannot_pass_its_check_without_what_it_depends_on()
    {
        using var repository = await _git.CreateDemoAsync();

        var error = await Should.ThrowAsync<InvalidOperationException>(() => ApplyAsync(repository, "checkout"));

        error.Message.ShouldContain("sh check.sh exited 1");
    }

    [Fact]
    public async Task Pricing_and_discounts_conflict_in_unit_price()
    {
        using var repository = await _git.CreateDemoAsync();
        await ApplyAsync(repository, "pricing");
        await ApplyAsync(repository, "discounts");

        var merge = await _git.RunAsync(repository.RepositoryPath, "git", "merge-tree", "--write-tree", "--name-only", "fleet/pricing", "fleet/discounts");

        merge.ExitCode.ShouldBe(1, merge.Output);
        merge.OutputLines.ShouldContain("src/pricing.sh");
        merge.Output.ShouldContain("CONFLICT (content)");
    }

    [Fact]
    public async Task Every_other_pair_of_independent_tasks_merges_cleanly()
    {
        using var repository = await _git.CreateDemoAsync();
        var tasks = DemoFleet.Tasks.Where(t => t.DependsOn.Count == 0).Select(t => t.Name).ToList();
        foreach (var task in tasks)
            await ApplyAsync(repository, task);

        foreach (var first in tasks)
        {
            foreach (var second in tasks.Where(t => string.CompareOrdinal(t, first) > 0 && !(first, t).Equals(("discounts", "pricing"))))
            {
                var merge = await _git.RunAsync(repository.RepositoryPath, "git", "merge-tree", "--write-tree", $"fleet/{first}", $"fleet/{second}");
                merge.ExitCode.ShouldBe(0, $"{first} + {second}: {merge.Output}");
            }
        }
    }

    private static bool InScope(string glob, string path) =>
        glob == path || (glob.EndsWith("/**", StringComparison.Ordinal) && path.StartsWith(glob[..^2], StringComparison.Ordinal));

    private async Task<string> ApplyAsync(DemoRepository repository, string task)
    {
        var worktree = await _git.AddWorktreeAsync(repository, task);
        await new DemoWorkspace(worktree, _git.Environment).ApplyAsync(DemoScripts.For(task)!);
        return worktree;
    }
}

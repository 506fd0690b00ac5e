using System.CommandLine;
using FleetTui.Cli;
using FleetTui.Core.Config;
using FleetTui.Core.Session;
using FleetTui.Core.Tests.Support;
using Shouldly;
using Xunit;

namespace FleetTui.Tests.Cli;

public class MergeVerbsTests
{
    private static VerbRunner.Outcome Run(TempRepo repo, TextReader? input, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var context = new CliContext(stdout, stderr, repo.Path) { GitEnvironment = repo.Git.Options.Environment, Input = input };
        var root = new RootCommand("test");
        foreach (var verb in new[] { GateVerb.Create(context), MergeVerb.Create(context), NewVerb.Create(context), PsVerb.Create(context), ReviewVerb.Create(context) })
            root.Subcommands.Add(verb);
        var exit = root.Parse(args).Invoke(new InvocationConfiguration { Output = stdout, Error = stderr });
        return new VerbRunner.Outcome(exit, stdout.ToString(), stderr.ToString());
    }

    private static VerbRunner.Outcome Run(TempRepo repo, params string[] args) => Run(repo, null, args);

    private static async Task<TempRepo> FleetAsync(string fleetToml = "[fleet]\nbase = \"main\"\n")
    {
        var repo = await TempRepo.CreateAsync();
        repo.WriteFile("shared.txt", "one\ntwo\nthree\n");
        await repo.CommitFileAsync("fleet.toml", fleetToml, "fleet");
        return repo;
    }

    private static string Worktree(TempRepo repo, string task) => Path.Combine(repo.RootDir, "repo.worktrees", task);

    private static async Task<string> NewTaskWithCommitAsync(TempRepo repo, string task, string file, string text)
    {
        Run(repo, "new", task, "--agent", "shell").ExitCode.ShouldBe(ExitCodes.Ok);
        return await repo.CommitFileAsync(file, text, $"{task} work", Worktree(repo, task));
    }

    [Fact]
    public async Task Dry_run_prints_the_order_with_reasons_and_changes_nothing()
    {
        using var repo = await FleetAsync();
        await NewTaskWithCommitAsync(repo, "api", "api.txt", "api\n");
        Run(repo, "new", "idle", "--agent", "shell");
        var main = await repo.RunGitAsync("rev-parse", "main");

        var outcome = Run(repo, "merge", "--all", "--dry-run");

        outcome.ExitCode.ShouldBe(ExitCodes.Ok, outcome.Error);
        outcome.Out.ShouldContain("Merge order into main:");
        outcome.Out.ShouldContain("1. api   ready");
        outcome.Out.ShouldContain("idle  no commits beyond its base");
        (await repo.RunGitAsync("rev-parse", "main")).ShouldBe(main);
    }

    [Fact]
    public async Task Merge_all_with_yes_gates_and_merges_and_records_it()
    {
        using var repo = await FleetAsync("[fleet]\nbase = \"main\"\ngate = \"test -f api.txt\"\n");
        var tip = await NewTaskWithCommitAsync(repo, "api", "api.txt", "api\n");

        var outcome = Run(repo, "merge", "--all", "--yes");

        outcome.ExitCode.ShouldBe(ExitCodes.Ok, outcome.Out + outcome.Error);
        outcome.Out.ShouldContain("api: gate passed");
        outcome.Out.ShouldContain("api: merged as");
        outcome.Out.ShouldContain("Merged api.");
        (await repo.RunGitAsync("rev-parse", "main^2")).Trim().ShouldBe(tip);
        File.Exists(Path.Combine(repo.Path, "api.txt")).ShouldBeTrue();
        Directory.Exists(Worktree(repo, "api")).ShouldBeFalse();
        Run(repo, "ps").Out.ShouldContain("merged");
    }

    [Fact]
    public async Task A_conflict_goes_to_review_exits_non_zero_and_review_lists_the_paths()
    {
        using var repo = await FleetAsync();
        var tip = await NewTaskWithCommitAsync(repo, "api", "shared.txt", "one\nAPI\nthree\n");
        await repo.CommitFileAsync("shared.txt", "one\nMAIN\nthree\n", "main moves");
        var main = await repo.RunGitAsync("rev-parse", "main");

        var outcome = Run(repo, "merge", "api", "--yes");
        var review = Run(repo, "review");

        outcome.ExitCode.ShouldBe(ExitCodes.Failed);
        outcome.Out.ShouldContain("api: conflicts in shared.txt; sent to review, nothing changed");
        (await repo.RunGitAsync("rev-parse", "main")).ShouldBe(main);
        (await repo.RunGitAsync("rev-parse", "fleet/api")).Trim().ShouldBe(tip);
        review.ExitCode.ShouldBe(ExitCodes.Ok);
        review.Out.ShouldContain("api: in review: conflicts in shared.txt");
        review.Out.ShouldContain("    shared.txt");
    }

    [Fact]
    public async Task Without_a_terminal_it_refuses_to_merge_unless_yes_is_given()
    {
        using var repo = await FleetAsync();
        await NewTaskWithCommitAsync(repo, "api", "api.txt", "api\n");
        var main = await repo.RunGitAsync("rev-parse", "main");

        var outcome = Run(repo, (TextReader?)null, "merge", "--all");

        outcome.ExitCode.ShouldBe(ExitCodes.Failed);
        outcome.Error.ShouldContain("pass --yes");
        (await repo.RunGitAsync("rev-parse", "main")).ShouldBe(main);
    }

    [Fact]
    public async Task A_yes_answer_merges_and_a_no_answer_does_not()
    {
        using var repo = await FleetAsync();
        await NewTaskWithCommitAsync(repo, "api", "api.txt", "api\n");
        var main = await repo.RunGitAsync("rev-parse", "main");

        var declined = Run(repo, new StringReader("n\n"), "merge", "api");
        (await repo.RunGitAsync("rev-parse", "main")).ShouldBe(main);
        var accepted = Run(repo, new StringReader("y\n"), "merge", "api");

        declined.Out.ShouldContain("Nothing merged.");
        accepted.ExitCode.ShouldBe(ExitCodes.Ok, accepted.Out + accepted.Error);
        (await repo.RunGitAsync("rev-parse", "main")).ShouldNotBe(main);
    }

    [Fact]
    public async Task A_failing_gate_blocks_the_merge_exits_non_zero_and_keeps_the_log()
    {
        using var repo = await FleetAsync("[fleet]\nbase = \"main\"\ngate = \"echo checking $FLEET_TASK; exit 1\"\n");
        await NewTaskWithCommitAsync(repo, "api", "api.txt", "api\n");
        var main = await repo.RunGitAsync("rev-parse", "main");

        var gate = Run(repo, "gate", "api");
        var merge = Run(repo, "merge", "--all", "--yes");

        gate.ExitCode.ShouldBe(ExitCodes.Failed);
        gate.Error.ShouldContain("gate failed (run 1");
        var log = Path.Combine(repo.CommonDir, "fleet", "logs", "api", "gate-1.log");
        File.ReadAllText(log).ShouldContain("checking api");
        merge.ExitCode.ShouldBe(ExitCodes.Failed);
        merge.Out.ShouldContain("api  gate failed (run 1");
        (await repo.RunGitAsync("rev-parse", "main")).ShouldBe(main);
    }

    [Fact]
    public async Task A_dependent_starts_after_the_merge_from_the_merge_commit()
    {
        using var repo = await FleetAsync();
        await NewTaskWithCommitAsync(repo, "api", "api.txt", "api\n");
        Run(repo, "new", "ui", "--depends-on", "api", "--agent", "shell");
        Directory.Exists(Worktree(repo, "ui")).ShouldBeFalse();

        var outcome = Run(repo, "merge", "--all", "--yes");

        outcome.ExitCode.ShouldBe(ExitCodes.Ok, outcome.Out + outcome.Error);
        outcome.Out.ShouldContain("ui: started from the integrated base");
        var merge = (await repo.RunGitAsync("rev-parse", "main")).Trim();
        (await repo.RunGitAsync("rev-parse", "fleet/ui")).Trim().ShouldBe(merge);
        File.Exists(Path.Combine(Worktree(repo, "ui"), "api.txt")).ShouldBeTrue();
    }

    [Fact]
    public async Task Out_of_scope_files_block_the_merge_until_the_user_accepts_them()
    {
        using var repo = await FleetAsync("[fleet]\nbase = \"main\"\nscope_enforcement = \"block\"\n\n[[task]]\nname = \"api\"\nscope = [\"src/api/**\"]\n");
        var config = ConfigLoader.Load(Path.Combine(repo.Path, "fleet.toml"));
        await using (var session = await FleetSession.OpenAsync(new FleetSessionOptions { RepositoryDirectory = repo.Path, Config = config, Git = repo.Git }))
            (await session.SendAsync(new SessionCommand.CreateTask("api"))).Succeeded.ShouldBeTrue();
        repo.WriteFile("src/api/handler.cs", "ok\n", Worktree(repo, "api"));
        await repo.CommitFileAsync("secrets.txt", "out of scope\n", "api work", Worktree(repo, "api"));
        var main = await repo.RunGitAsync("rev-parse", "main");

        var plan = Run(repo, "merge", "--all", "--dry-run");
        var blocked = Run(repo, "merge", "--all", "--yes");
        var review = Run(repo, "review");
        var accept = Run(repo, "review", "--accept-scope", "api");
        var merged = Run(repo, "merge", "--all", "--yes");

        plan.Out.ShouldContain("api  1 file(s) outside its scope: secrets.txt (accept the scope to merge)");
        blocked.Error.ShouldContain("Nothing to merge");
        review.Out.ShouldContain("api: 1 file(s) outside its scope");
        review.Out.ShouldContain("    secrets.txt");
        accept.ExitCode.ShouldBe(ExitCodes.Ok, accept.Error);
        merged.ExitCode.ShouldBe(ExitCodes.Ok, merged.Out + merged.Error);
        (await repo.RunGitAsync("rev-parse", "main")).ShouldNotBe(main);
        File.Exists(Path.Combine(repo.Path, "secrets.txt")).ShouldBeTrue();
    }

    [Fact]
    public async Task Naming_an_unknown_task_is_a_usage_error()
    {
        using var repo = await FleetAsync();

        var outcome = Run(repo, "merge", "nope", "--dry-run");

        outcome.ExitCode.ShouldBe(ExitCodes.Usage);
        outcome.Error.ShouldContain("no task named 'nope'");
    }
}

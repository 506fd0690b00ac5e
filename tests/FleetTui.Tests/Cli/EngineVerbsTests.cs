using System.Text.Json;
using FleetTui.Cli;
using FleetTui.Core.Config;
using FleetTui.Core.Tests.Support;
using Shouldly;
using Xunit;

namespace FleetTui.Tests.Cli;

public class EngineVerbsTests
{
    [Fact]
    public async Task Init_writes_a_starter_fleet_toml_that_loads_and_refuses_to_overwrite_it()
    {
        using var repo = await TempRepo.CreateAsync();

        var first = VerbRunner.Run(repo, "init");
        var second = VerbRunner.Run(repo, "init");

        first.ExitCode.ShouldBe(ExitCodes.Ok, first.Error);
        var path = Path.Combine(repo.Path, "fleet.toml");
        File.ReadAllText(path).ShouldContain("[fleet]");
        Should.NotThrow(() => ConfigLoader.Load(path));
        second.ExitCode.ShouldBe(ExitCodes.Failed);
        second.Error.ShouldContain("already exists");
    }

    [Fact]
    public async Task Verbs_outside_a_repository_exit_with_no_repository()
    {
        using var repo = await TempRepo.CreateAsync();

        var outcome = VerbRunner.RunIn(repo, repo.HomeDir, "ps");

        outcome.ExitCode.ShouldBe(ExitCodes.NoRepository);
        outcome.Error.ShouldContain("not inside a git repository");
    }

    [Fact]
    public async Task A_bad_config_reports_file_line_col_and_touches_nothing()
    {
        using var repo = await TempRepo.CreateAsync();
        File.WriteAllText(Path.Combine(repo.Path, "fleet.toml"), "[fleet]\nbase = \"main\"\nbogus_key = 1\n");

        var outcome = VerbRunner.Run(repo, "new", "api");

        outcome.ExitCode.ShouldBe(ExitCodes.BadConfig);
        outcome.Error.ShouldStartWith("fleet.toml:3:");
        Directory.Exists(Path.Combine(repo.CommonDir, "fleet")).ShouldBeFalse();
        Directory.Exists(Path.Combine(repo.RootDir, "repo.worktrees")).ShouldBeFalse();
    }

    [Fact]
    public async Task New_then_ps_then_rm_round_trip()
    {
        using var repo = await TempRepo.CreateAsync();

        var created = VerbRunner.Run(repo, "new", "api", "--agent", "shell");
        var table = VerbRunner.Run(repo, "ps");
        var removed = VerbRunner.Run(repo, "rm", "api");
        var after = VerbRunner.Run(repo, "ps");

        created.ExitCode.ShouldBe(ExitCodes.Ok, created.Error);
        created.Out.ShouldContain("Created task 'api'");
        table.Out.ShouldContain("TASK");
        table.Out.ShouldContain("api");
        table.Out.ShouldContain("fleet/api");
        table.Out.ShouldContain("active");
        table.Out.ShouldContain("+0/-0");
        removed.ExitCode.ShouldBe(ExitCodes.Ok, removed.Error);
        removed.Out.ShouldContain("branch fleet/api deleted");
        after.Out.ShouldNotContain("fleet/api");
    }

    [Fact]
    public async Task New_creates_a_task_declared_in_fleet_toml_and_refuses_a_blocked_one()
    {
        using var repo = await TempRepo.CreateAsync();
        File.WriteAllText(Path.Combine(repo.Path, "fleet.toml"),
            "[fleet]\nagent = [\"sh\"]\n[[task]]\nname = \"api\"\n[[task]]\nname = \"docs\"\ndepends_on = [\"api\"]\n");

        var blocked = VerbRunner.Run(repo, "new", "docs");
        var created = VerbRunner.Run(repo, "new", "api");

        blocked.ExitCode.ShouldBe(ExitCodes.Failed);
        blocked.Error.ShouldContain("depends on api");
        Directory.Exists(Path.Combine(repo.RootDir, "repo.worktrees", "docs")).ShouldBeFalse();
        created.ExitCode.ShouldBe(ExitCodes.Ok, created.Error);
        created.Out.ShouldContain("Created task 'api'");
        VerbRunner.Run(repo, "ps").Out.ShouldContain("active");
    }

    [Fact]
    public async Task Rm_drops_an_added_task_that_never_got_a_worktree_and_explains_a_declared_one()
    {
        using var repo = await TempRepo.CreateAsync();
        File.WriteAllText(Path.Combine(repo.Path, "fleet.toml"),
            "[fleet]\nagent = [\"sh\"]\n[[task]]\nname = \"api\"\n[[task]]\nname = \"docs\"\ndepends_on = [\"api\"]\n");
        VerbRunner.Run(repo, "new", "extra", "--depends-on", "api").ExitCode.ShouldBe(ExitCodes.Ok);

        var dropped = VerbRunner.Run(repo, "rm", "extra");
        var declared = VerbRunner.Run(repo, "rm", "docs");
        var unknown = VerbRunner.Run(repo, "rm", "nosuch");

        dropped.ExitCode.ShouldBe(ExitCodes.Ok, dropped.Error);
        VerbRunner.Run(repo, "ps").Out.ShouldNotContain("extra");
        declared.ExitCode.ShouldBe(ExitCodes.Failed);
        declared.Error.ShouldContain("declared in fleet.toml");
        unknown.ExitCode.ShouldBe(ExitCodes.Failed);
        unknown.Error.ShouldContain("No task named 'nosuch'");
    }

    [Fact]
    public async Task New_rejects_an_invalid_name_like_the_loader()
    {
        using var repo = await TempRepo.CreateAsync();

        var outcome = VerbRunner.Run(repo, "new", "Not Valid");

        outcome.ExitCode.ShouldBe(ExitCodes.Failed);
        outcome.Error.ShouldContain("Invalid task name 'Not Valid'");
    }

    [Fact]
    public async Task Rm_refuses_to_lose_work_naming_it_and_force_removes()
    {
        using var repo = await TempRepo.CreateAsync();
        VerbRunner.Run(repo, "new", "api").ExitCode.ShouldBe(ExitCodes.Ok);
        var worktree = Path.Combine(repo.RootDir, "repo.worktrees", "api");
        await repo.CommitFileAsync("feature.txt", "f", "Add the feature", worktree);
        repo.WriteFile("scratch.txt", "s", worktree);

        var refused = VerbRunner.Run(repo, "rm", "api");
        var forced = VerbRunner.Run(repo, "rm", "api", "--force");

        refused.ExitCode.ShouldBe(ExitCodes.Failed);
        refused.Error.ShouldContain("scratch.txt");
        refused.Error.ShouldContain("Add the feature");
        forced.ExitCode.ShouldBe(ExitCodes.Ok, forced.Error);
        Directory.Exists(worktree).ShouldBeFalse();
    }

    [Fact]
    public async Task Ps_json_follows_the_documented_schema()
    {
        using var repo = await TempRepo.CreateAsync();
        File.WriteAllText(Path.Combine(repo.Path, "fleet.toml"),
            "[fleet]\nbase = \"main\"\nports = { first = 47500, last = 47599 }\n\n[[task]]\nname = \"api\"\nports = [\"web\"]\nscope = [\"src/**\"]\n\n[[task]]\nname = \"ui\"\ndepends_on = [\"api\"]\n");
        await repo.CommitAllAsync("add fleet.toml");
        VerbRunner.Run(repo, "new", "extra").ExitCode.ShouldBe(ExitCodes.Ok);

        var outcome = VerbRunner.Run(repo, "ps", "--json");

        outcome.ExitCode.ShouldBe(ExitCodes.Ok, outcome.Error);
        using var json = JsonDocument.Parse(outcome.Out);
        var root = json.RootElement;
        root.GetProperty("version").GetInt32().ShouldBe(1);
        root.GetProperty("base").GetString().ShouldBe("main");
        var tasks = root.GetProperty("tasks").EnumerateArray().ToList();
        tasks.Select(t => t.GetProperty("name").GetString()).ShouldBe(["api", "ui", "extra"]);
        tasks[1].GetProperty("phase").GetString().ShouldBe("blocked");
        tasks[1].GetProperty("dependsOn")[0].GetString().ShouldBe("api");
        tasks[1].GetProperty("ahead").ValueKind.ShouldBe(JsonValueKind.Null);
        var extra = tasks[2];
        extra.GetProperty("phase").GetString().ShouldBe("active");
        extra.GetProperty("ahead").GetInt32().ShouldBe(0);
        extra.GetProperty("uncommitted").GetInt32().ShouldBe(0);
        extra.GetProperty("lastCommit").GetProperty("subject").GetString().ShouldBe("add fleet.toml");
        extra.GetProperty("gate").GetProperty("outcome").GetString().ShouldBe("notrun");
        extra.GetProperty("origin").GetString().ShouldBe("cli");
        foreach (var key in new[] { "branch", "base", "agent", "worktree", "behind", "ports", "outOfScope" })
            extra.TryGetProperty(key, out _).ShouldBeTrue(key);
    }

    [Fact]
    public async Task Prune_reports_each_task_it_touched()
    {
        using var repo = await TempRepo.CreateAsync();
        VerbRunner.Run(repo, "new", "lost").ExitCode.ShouldBe(ExitCodes.Ok);
        Directory.Delete(Path.Combine(repo.RootDir, "repo.worktrees", "lost"), recursive: true);

        var ps = VerbRunner.Run(repo, "ps");
        var pruned = VerbRunner.Run(repo, "prune");

        ps.Out.ShouldContain("missing");
        ps.Out.ShouldContain("recovered: lost:");
        pruned.ExitCode.ShouldBe(ExitCodes.Ok, pruned.Error);
        pruned.Out.ShouldContain("lost: missing worktree forgotten");
        VerbRunner.Run(repo, "ps").Out.ShouldNotContain("lost");
    }

    [Theory]
    [InlineData("init")]
    [InlineData("doctor")]
    [InlineData("ps")]
    [InlineData("new")]
    [InlineData("rm")]
    [InlineData("prune")]
    public async Task Every_verb_explains_itself_in_help(string verb)
    {
        using var repo = await TempRepo.CreateAsync();

        var outcome = VerbRunner.Run(repo, verb, "--help");

        outcome.ExitCode.ShouldBe(0);
        outcome.Out.Length.ShouldBeGreaterThan(100);
        outcome.Out.ShouldContain("Usage:");
    }
}

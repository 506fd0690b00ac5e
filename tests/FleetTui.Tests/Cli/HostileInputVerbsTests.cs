using FleetTui.Cli;
using FleetTui.Core.Git;
using FleetTui.Core.Tests.Support;
using Shouldly;
using Xunit;

namespace FleetTui.Tests.Cli;

/// <summary>The verbs facing hostile configs and names: a clear message naming the file position or the value, an exit code, no side effect.</summary>
public class HostileInputVerbsTests
{
    private static void WriteConfig(TempRepo repo, string toml) => File.WriteAllText(Path.Combine(repo.Path, "fleet.toml"), toml);

    private static bool FleetDirExists(TempRepo repo) => Directory.Exists(Path.Combine(repo.CommonDir, "fleet"));

    [Fact]
    public async Task A_hundred_thousand_deep_fleet_toml_exits_with_bad_config_and_a_position()
    {
        using var repo = await TempRepo.CreateAsync();
        WriteConfig(repo, "[fleet]\nenv = " + new string('[', 100_000) + new string(']', 100_000) + "\n");

        var outcome = VerbRunner.Run(repo, "ps");

        outcome.ExitCode.ShouldBe(ExitCodes.BadConfig);
        outcome.Error.ShouldStartWith("fleet.toml:2:");
        FleetDirExists(repo).ShouldBeFalse();
    }

    [Fact]
    public async Task A_base_naming_no_branch_exits_with_bad_config_before_anything_is_written()
    {
        using var repo = await TempRepo.CreateAsync();
        WriteConfig(repo, "[fleet]\nbase = \"no-such-branch\"\n");

        var ps = VerbRunner.Run(repo, "ps");
        var created = VerbRunner.Run(repo, "new", "t");

        ps.ExitCode.ShouldBe(ExitCodes.BadConfig);
        ps.Error.ShouldStartWith("fleet.toml:2:8: 'base' in [fleet] names no branch");
        created.ExitCode.ShouldBe(ExitCodes.BadConfig);
        created.Error.ShouldStartWith("fleet.toml:2:8:");
        File.Exists(Path.Combine(repo.CommonDir, "fleet", "state.json")).ShouldBeFalse();
        Directory.Exists(Path.Combine(repo.RootDir, "repo.worktrees")).ShouldBeFalse();
    }

    [Fact]
    public async Task New_refuses_a_branch_name_with_shell_characters_and_writes_nothing()
    {
        using var repo = await TempRepo.CreateAsync();

        var outcome = VerbRunner.Run(repo, "new", "t2", "--branch", "y/$(touch${IFS}/tmp/PWNED)");

        outcome.ExitCode.ShouldBe(ExitCodes.Failed);
        outcome.Error.ShouldContain("Invalid branch name 'y/$(touch${IFS}/tmp/PWNED)': it contains '$', which git allows but shells and paths treat specially");
        (await repo.Git.BranchExistsAsync(repo.Path, "y/$(touch${IFS}/tmp/PWNED)")).ShouldBeFalse();
        Directory.Exists(Path.Combine(repo.RootDir, "repo.worktrees", "t2")).ShouldBeFalse();
    }

    [Fact]
    public async Task Rm_refuses_to_lose_a_detached_head_commit_or_ignored_files_and_force_keeps_the_commit_reachable()
    {
        using var repo = await TempRepo.CreateAsync();
        repo.WriteFile(".gitignore", ".env.local\n");
        await repo.CommitAllAsync("ignore .env.local");
        VerbRunner.Run(repo, "new", "d").ExitCode.ShouldBe(ExitCodes.Ok);
        var worktree = Path.Combine(repo.RootDir, "repo.worktrees", "d");
        await repo.Git.RunAsync(worktree, ["checkout", "--quiet", "--detach"]);
        var detached = await repo.CommitFileAsync("x.txt", "x", "Detached work", worktree);
        await repo.Git.RunAsync(worktree, ["checkout", "--quiet", "fleet/d"]);
        repo.WriteFile(".env.local", "TOKEN=1", worktree);

        var refused = VerbRunner.Run(repo, "rm", "d");
        var forced = VerbRunner.Run(repo, "rm", "d", "--force");

        refused.ExitCode.ShouldBe(ExitCodes.Failed);
        refused.Error.ShouldContain($"{detached[..7]} Detached work");
        refused.Error.ShouldContain(".env.local");
        forced.ExitCode.ShouldBe(ExitCodes.Ok, forced.Error);
        forced.Out.ShouldContain("refs/fleet/rescued/d/");
        (await repo.RunGitAsync("rev-list", "--all")).ShouldContain(detached);
    }
}

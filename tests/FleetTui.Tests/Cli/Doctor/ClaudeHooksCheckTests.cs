using FleetTui.Cli.Doctor;
using FleetTui.Cli.Doctor.Checks;
using FleetTui.Core.Agents;
using FleetTui.Core.Tests.Support;
using FleetTui.Tests.Support;
using Shouldly;
using Xunit;

namespace FleetTui.Tests.Cli.Doctor;

[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public class ClaudeHooksCheckTests
{
    private static async Task<DoctorFinding> CheckAsync(TempRepo repo, FakePrograms fakes)
    {
        var context = await DoctorMachine.ContextAsync(repo, DoctorMachine.Environment(repo, fakes));
        return (await new ClaudeHooksCheck().RunAsync(context, CancellationToken.None)).ShouldHaveSingleItem();
    }

    private static void EnableHooks(TempRepo repo, string text = "[hooks]\nclaude = true\n") =>
        repo.WriteFile("config.toml", text, Path.Combine(repo.HomeDir, ".config", "fleet"));

    /// <summary>A fleet with a claude task (alpha) and a shell task (beta), both with worktrees.</summary>
    private static async Task<TempRepo> FleetAsync(FakePrograms fakes)
    {
        var repo = await TempRepo.CreateAsync();
        repo.WriteFile("fleet.toml", "[fleet]\nagent = \"claude\"\n");
        await repo.CommitAllAsync("fleet");
        VerbRunner.RunWith(repo, DoctorMachine.Environment(repo, fakes), "new", "alpha").ExitCode.ShouldBe(0);
        VerbRunner.RunWith(repo, DoctorMachine.Environment(repo, fakes), "new", "beta", "--agent", "shell").ExitCode.ShouldBe(0);
        return repo;
    }

    private static string Worktree(TempRepo repo, string task) => Path.Combine(repo.RootDir, "repo.worktrees", task);

    [Fact]
    public async Task Hooks_that_are_off_are_fine_and_it_says_how_to_turn_them_on()
    {
        using var fakes = new FakePrograms();
        using var repo = await FleetAsync(fakes);

        var finding = await CheckAsync(repo, fakes);

        finding.Status.ShouldBe(DoctorStatus.Ok);
        finding.Message.ShouldStartWith("off (`[hooks] claude = true` in");
    }

    [Fact]
    public async Task Enabled_hooks_missing_from_a_claude_tasks_worktree_are_a_warning_naming_the_task()
    {
        using var fakes = new FakePrograms();
        using var repo = await FleetAsync(fakes);
        EnableHooks(repo);

        var finding = await CheckAsync(repo, fakes);

        finding.Status.ShouldBe(DoctorStatus.Warn);
        finding.Message.ShouldBe("on, but not installed in alpha");
        finding.Fix.ShouldNotBeNull().ShouldContain("Ctrl+G r");
    }

    [Fact]
    public async Task Installed_hooks_are_fine_until_the_fleet_program_they_call_is_gone()
    {
        using var fakes = new FakePrograms().Add("fleet", "exit 0");
        using var repo = await FleetAsync(fakes);
        EnableHooks(repo);
        var fleet = Path.Combine(fakes.Bin, "fleet");
        await ClaudeHooksInstaller.InstallAsync(repo.Git, Worktree(repo, "alpha"), "alpha", [fleet]);

        var installed = await CheckAsync(repo, fakes);
        File.Delete(fleet);
        var stale = await CheckAsync(repo, fakes);

        installed.ShouldBe(DoctorFinding.Ok("claude hooks", "installed in the 1 claude task's worktree"));
        stale.Status.ShouldBe(DoctorStatus.Fail);
        stale.Message.ShouldBe($"broken in alpha (they call {fleet}, which no longer exists)");
    }

    [Fact]
    public async Task A_user_config_that_does_not_load_fails_with_its_position()
    {
        using var fakes = new FakePrograms();
        using var repo = await FleetAsync(fakes);
        EnableHooks(repo, "[hooks]\nclaud = true\n");

        var finding = await CheckAsync(repo, fakes);

        finding.Status.ShouldBe(DoctorStatus.Fail);
        finding.Message.ShouldContain("config.toml:2:1: unknown key 'claud' in [hooks]");
    }
}

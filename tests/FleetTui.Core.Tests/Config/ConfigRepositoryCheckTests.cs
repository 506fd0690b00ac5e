using FleetTui.Core.Config;
using FleetTui.Core.Session;
using FleetTui.Core.Tests.Support;
using Shouldly;
using Xunit;

namespace FleetTui.Core.Tests.Config;

/// <summary>What fleet.toml claims about the repository is checked when a session opens, before anything is written.</summary>
public class ConfigRepositoryCheckTests
{
    private static async Task<ConfigException> OpenFailsAsync(TempRepo repo, string toml)
    {
        var path = Path.Combine(repo.Path, "fleet.toml");
        await File.WriteAllTextAsync(path, toml);
        var config = ConfigLoader.Load(path);
        return await Should.ThrowAsync<ConfigException>(() => FleetFixture.OpenAsync(repo, config));
    }

    [Fact]
    public async Task A_fleet_base_naming_no_branch_fails_at_its_position_and_writes_nothing()
    {
        using var repo = await TempRepo.CreateAsync();

        var error = await OpenFailsAsync(repo, "[fleet]\nbase = \"no-such-branch\"\n");

        error.Message.ShouldStartWith("fleet.toml:2:8: 'base' in [fleet] names no branch of ");
        error.Message.ShouldEndWith("'no-such-branch' (create it, or name an existing branch)");
        Directory.Exists(Path.Combine(repo.CommonDir, "fleet")).ShouldBeFalse();
    }

    [Fact]
    public async Task A_task_base_naming_no_task_branch_or_commit_fails_at_its_position()
    {
        using var repo = await TempRepo.CreateAsync();

        var error = await OpenFailsAsync(repo, "[[task]]\nname = \"a\"\n\n[[task]]\nname = \"b\"\nbase = \"nope\"\n");

        error.Message.ShouldBe("fleet.toml:6:8: 'base' of task 'b' names no task, branch or commit: 'nope'");
    }

    [Fact]
    public async Task Reloading_a_fleet_toml_whose_base_names_no_branch_is_refused_and_the_old_config_stays()
    {
        using var repo = await TempRepo.CreateAsync();
        var path = Path.Combine(repo.Path, "fleet.toml");
        await File.WriteAllTextAsync(path, "[fleet]\nbase = \"main\"\n");
        await using var session = await FleetFixture.OpenAsync(repo, ConfigLoader.Load(path));
        await File.WriteAllTextAsync(path, "[fleet]\nbase = \"gone\"\n");

        var reload = await session.SendAsync(new SessionCommand.ReloadConfig(ConfigLoader.Load(path)));

        reload.Succeeded.ShouldBeFalse();
        reload.Message.ShouldStartWith("fleet.toml:2:8: 'base' in [fleet] names no branch");
        session.Current.BaseBranch.ShouldBe("main");
    }

    [Fact]
    public async Task Bases_naming_a_branch_a_task_or_a_commit_open()
    {
        using var repo = await TempRepo.CreateAsync();
        var head = (await repo.RunGitAsync("rev-parse", "HEAD")).Trim();
        var path = Path.Combine(repo.Path, "fleet.toml");
        await File.WriteAllTextAsync(path, $"[fleet]\nbase = \"main\"\n[[task]]\nname = \"a\"\nbase = \"{head}\"\n[[task]]\nname = \"b\"\nbase = \"a\"\n");

        await using var session = await FleetFixture.OpenAsync(repo, ConfigLoader.Load(path));

        session.Current.Tasks.Count.ShouldBe(2);
    }
}

using FleetTui.Demo;
using Shouldly;
using Tomlyn;
using Tomlyn.Model;
using Xunit;

namespace FleetTui.Tests.Demo;

public sealed class DemoRepositoryTests : IDisposable
{
    private readonly IsolatedGit _git = new();

    public void Dispose() => _git.Dispose();

    private static string[] Strings(object array) => [.. ((TomlArray)array).Cast<string>()];

    [Fact]
    public async Task Creates_a_clean_repository_on_main_whose_check_passes()
    {
        using var repository = await _git.CreateDemoAsync();

        (await _git.GitAsync(repository.RepositoryPath, "branch", "--show-current")).Trim().ShouldBe("main");
        (await _git.GitAsync(repository.RepositoryPath, "status", "--porcelain")).ShouldBeEmpty();
        (await _git.GitAsync(repository.RepositoryPath, "log", "--format=%s")).Trim().ShouldBe("Shop: catalog, pricing, checkout and their tests");
        var check = await _git.RunAsync(repository.RepositoryPath, "sh", "check.sh");
        check.ExitCode.ShouldBe(0, check.Output);
        check.Output.ShouldContain("ok   tests/checkout_test.sh");
    }

    [Fact]
    public async Task Keeps_the_env_file_local_for_setup_to_copy()
    {
        using var repository = await _git.CreateDemoAsync();

        File.Exists(Path.Combine(repository.RepositoryPath, ".env")).ShouldBeTrue();
        (await _git.GitAsync(repository.RepositoryPath, "ls-files", ".env")).ShouldBeEmpty();
        (await _git.GitAsync(repository.RepositoryPath, "check-ignore", ".env")).Trim().ShouldBe(".env");
    }

    [Fact]
    public async Task The_setup_script_makes_the_tasks_database_from_the_template()
    {
        using var repository = await _git.CreateDemoAsync();

        var setup = await DemoCommand.RunAsync(["sh", "scripts/setup.sh"], repository.RepositoryPath,
            new Dictionary<string, string>(_git.Environment) { ["FLEET_DB"] = "shop_catalog" });

        setup.ExitCode.ShouldBe(0, setup.Output);
        File.ReadAllText(Path.Combine(repository.RepositoryPath, ".data", "shop_catalog.sql")).ShouldContain("CREATE TABLE items");
        (await _git.GitAsync(repository.RepositoryPath, "status", "--porcelain")).ShouldBeEmpty();
    }

    [Fact]
    public async Task Writes_a_fleet_toml_whose_tasks_run_the_demo_agent_of_this_executable()
    {
        using var repository = await _git.CreateDemoAsync("dotnet", "/opt/fleet/fleet.dll");

        var toml = TomlSerializer.Deserialize<TomlTable>(await File.ReadAllTextAsync(repository.FleetTomlPath))!;

        var fleet = (TomlTable)toml["fleet"];
        fleet["base"].ShouldBe("main");
        fleet["gate"].ShouldBe("sh check.sh");
        var setup = (TomlTable)toml["setup"];
        setup["run"].ShouldBe("sh scripts/setup.sh");
        Strings(setup["copy"]).ShouldBe([".env"]);
        setup["database"].ShouldBe("shop_{task}");
        ((TomlTable)setup["caches"])["SHOP_CACHE"].ShouldBe(repository.CacheDirectory);
        var tasks = ((TomlTableArray)toml["task"]).ToList();
        tasks.Select(t => (string)t["name"]).ShouldBe(["catalog", "pricing", "discounts", "checkout", "docs"]);
        foreach (var task in tasks)
        {
            Strings(task["agent"]).ShouldBe(["dotnet", "/opt/fleet/fleet.dll", "demo-agent", (string)task["name"]]);
            task["gate"].ShouldBe("sh check.sh");
            ((TomlArray)task["scope"]).Count.ShouldBeGreaterThan(0);
            ((TomlTable)task["env"]).ContainsKey("SHOP_DB").ShouldBeTrue();
        }
        Strings(tasks.Single(t => (string)t["name"] == "checkout")["depends_on"]).ShouldBe(["catalog", "pricing"]);
        tasks.Count(t => t.ContainsKey("depends_on")).ShouldBe(1);
    }

    [Fact]
    public async Task Quotes_an_executable_path_holding_quotes_backslashes_and_spaces()
    {
        const string awkward = "/opt/my \"fleet\"\\bin/fleet";
        using var repository = await _git.CreateDemoAsync(awkward);

        var toml = TomlSerializer.Deserialize<TomlTable>(await File.ReadAllTextAsync(repository.FleetTomlPath))!;

        var first = ((TomlTableArray)toml["task"])[0];
        Strings(first["agent"]).ShouldBe([awkward, "demo-agent", "catalog"]);
    }

    [Fact]
    public async Task A_temporary_demo_is_removed_on_disposal_unless_kept()
    {
        var removed = await DemoRepository.CreateInTempAsync(["fleet"], _git.Environment);
        var kept = await DemoRepository.CreateInTempAsync(["fleet"], _git.Environment);
        try
        {
            Path.GetFileName(removed.Root).ShouldStartWith("fleet-demo-");
            kept.Keep();

            removed.Dispose();
            kept.Dispose();

            Directory.Exists(removed.Root).ShouldBeFalse();
            File.Exists(kept.FleetTomlPath).ShouldBeTrue();
        }
        finally
        {
            Directory.Delete(kept.Root, recursive: true);
        }
    }

    [Fact]
    public async Task A_demo_under_a_named_folder_is_never_deleted()
    {
        var repository = await _git.CreateDemoAsync();

        repository.Dispose();

        File.Exists(repository.FleetTomlPath).ShouldBeTrue();
    }

    [Fact]
    public async Task Refuses_a_folder_that_already_holds_a_shop()
    {
        using var first = await _git.CreateDemoAsync();

        var error = await Should.ThrowAsync<IOException>(() => _git.CreateDemoAsync());

        error.Message.ShouldContain(first.RepositoryPath);
    }
}

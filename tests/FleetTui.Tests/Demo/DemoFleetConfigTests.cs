using FleetTui.Core.Config;
using FleetTui.Demo;
using Shouldly;
using Xunit;

namespace FleetTui.Tests.Demo;

/// <summary>The generated fleet.toml against the real, strict loader: the demo must never ship a config fleet itself refuses.</summary>
public sealed class DemoFleetConfigTests : IDisposable
{
    private readonly IsolatedGit _git = new();

    public void Dispose() => _git.Dispose();

    [Fact]
    public async Task The_config_loader_accepts_the_demo_fleet_toml()
    {
        using var repository = await _git.CreateDemoAsync("/opt/fleet/fleet");

        var config = ConfigLoader.Load(repository.FleetTomlPath);

        config.Fleet.Base.ShouldBe("main");
        config.Fleet.Gate.ShouldBe("sh check.sh");
        config.Setup.Run.ShouldBe("sh scripts/setup.sh");
        config.Setup.Copy.ShouldBe([".env"]);
        config.Setup.Database.ShouldBe("shop_{task}");
        config.Setup.Caches["SHOP_CACHE"].ShouldBe(repository.CacheDirectory);
        config.Tasks.Select(t => t.Name).ShouldBe(DemoFleet.Tasks.Select(t => t.Name));
        foreach (var task in config.Tasks)
        {
            var demo = DemoFleet.Find(task.Name)!;
            task.Branch.ShouldBe(demo.Branch);
            task.DependsOn.ShouldBe(demo.DependsOn);
            task.Scope.ShouldBe(demo.Scope);
            task.Ports.ShouldBe(demo.Ports);
            task.Gate.ShouldBe("sh check.sh");
            task.Prompt.ShouldBe(demo.Prompt);
            task.Env.Keys.Order(StringComparer.Ordinal).ShouldBe(demo.Env.Select(e => e.Key).Order(StringComparer.Ordinal));
            task.Agent.ShouldBe(AgentRef.Command(["/opt/fleet/fleet", "demo-agent", task.Name]));
        }
    }

    [Fact]
    public async Task The_config_loader_accepts_an_agent_path_that_needs_escaping()
    {
        const string awkward = "/opt/my \"fleet\"\\bin/fleet";
        using var repository = await _git.CreateDemoAsync("dotnet", awkward);

        var config = ConfigLoader.Load(repository.FleetTomlPath);

        config.Tasks[0].Agent.ShouldBe(AgentRef.Command(["dotnet", awkward, "demo-agent", "catalog"]));
    }
}

using FleetTui.Cli;
using Shouldly;
using Xunit;

namespace FleetTui.Tests.Demo;

public sealed class DemoVerbTests : IDisposable
{
    private readonly IsolatedGit _git = new();
    private readonly StringWriter _out = new();
    private readonly StringWriter _error = new();

    public void Dispose() => _git.Dispose();

    private int Run(params string[] args) => FleetCommandLine.Run(args, _out, _error);

    [Fact]
    public void Demo_without_a_cockpit_prints_the_fleet_and_removes_the_temporary_repository()
    {
        Run("demo", "--no-ui").ShouldBe(0, _error.ToString());

        var output = _out.ToString();
        var path = output.Split('\n')[0].Replace("Demo fleet ready in ", "", StringComparison.Ordinal).Trim();
        path.ShouldEndWith("/shop");
        output.ShouldContain("checkout   fleet/checkout   catalog,pricing  fleet demo-agent checkout");
        output.ShouldContain("pass --keep");
        Directory.Exists(Path.GetDirectoryName(path)).ShouldBeFalse();
    }

    [Fact]
    public void Demo_under_a_named_folder_keeps_it()
    {
        var dir = Path.Combine(_git.Root, "mine");

        Run("demo", "--no-ui", "--dir", dir).ShouldBe(0, _error.ToString());

        File.Exists(Path.Combine(dir, "shop", "fleet.toml")).ShouldBeTrue();
        _out.ToString().ShouldContain($"Kept: cd {Path.Combine(dir, "shop")}");
    }

    [Fact]
    public void Demo_refuses_a_folder_that_already_holds_a_shop()
    {
        var dir = Path.Combine(_git.Root, "mine");
        Run("demo", "--no-ui", "--dir", dir).ShouldBe(0);

        Run("demo", "--no-ui", "--dir", dir).ShouldBe(1);

        _error.ToString().ShouldContain("already exists");
    }

    [Fact]
    public void The_demo_agent_is_hidden_from_help()
    {
        Run("--help").ShouldBe(0);

        _out.ToString().ShouldContain("demo");
        _out.ToString().ShouldNotContain("demo-agent");
    }

    [Fact]
    public void The_demo_agent_refuses_an_unknown_task()
    {
        Run("demo-agent", "nope").ShouldBe(2);

        _error.ToString().ShouldContain("unknown task 'nope' (known: catalog, pricing, discounts, checkout, docs)");
    }

    [Fact]
    public void The_demo_agent_refuses_a_speed_that_is_not_positive()
    {
        Run("demo-agent", "catalog", "--speed", "0").ShouldNotBe(0);

        (_out.ToString() + _error.ToString()).ShouldContain("--speed must be a positive number.");
    }
}

using FleetTui.Core.Config;
using FleetTui.Core.Config.Starter;
using FleetTui.Core.Tests.Support;
using Shouldly;
using Xunit;

namespace FleetTui.Core.Tests.Config.Starter;

public class StarterConfigTextTests
{
    private static readonly string Example = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "fleet.toml.example"));

    private static readonly ProjectStack Dotnet = new()
    {
        Name = ".NET", Evidence = "Shop.sln", Setup = "dotnet restore", Gate = "dotnet test",
        Caches = new Dictionary<string, string> { ["NUGET_PACKAGES"] = "{repo}/../.fleet-cache/nuget" },
    };

    private static readonly ProjectStack Npm = new()
    {
        Name = "Node with npm", Evidence = "package.json, package-lock.json", Setup = "npm ci", Gate = "npm test",
        Caches = new Dictionary<string, string> { ["npm_config_cache"] = "{repo}/../.fleet-cache/npm" },
        Notes = ["Node: a note"],
    };

    private static FleetConfig Load(string text) => ConfigLoader.Parse(text, "/repo/fleet.toml");

    [Fact]
    public void The_written_file_loads_with_the_chosen_keys_active_and_no_tasks()
    {
        var text = StarterConfigText.Render(new StarterConfig { Base = "main", Agent = "claude", Stacks = [Dotnet, Npm] }, Example);

        var config = Load(text);

        config.Fleet.Base.ShouldBe("main");
        config.Fleet.Agent.ShouldBe(AgentRef.Preset("claude"));
        config.Fleet.Gate.ShouldBe("dotnet test && npm test");
        config.Setup.Run.ShouldBe("dotnet restore && npm ci");
        config.Setup.Caches.ShouldBe(new Dictionary<string, string>
        {
            ["NUGET_PACKAGES"] = "{repo}/../.fleet-cache/nuget",
            ["npm_config_cache"] = "{repo}/../.fleet-cache/npm",
        });
        config.Setup.Copy.ShouldBeEmpty();
        config.Setup.Link.ShouldBeEmpty();
        config.Tasks.ShouldBeEmpty();
        text.ShouldContain("# Node: a note\n");
    }

    [Fact]
    public void The_commented_reference_uncommented_is_the_example()
    {
        var text = StarterConfigText.Render(new StarterConfig { Base = "main", Agent = "shell" }, Example);

        var reference = text[(text.IndexOf(StarterConfigText.ReferenceHeading, StringComparison.Ordinal) + StarterConfigText.ReferenceHeading.Length)..];
        var uncommented = string.Join('\n', reference.Split('\n').Select(line => line.Length > 1 && line[0] == '#' && line[1] is not ' ' and not '#' ? line[1..] : line));

        uncommented.ShouldBe(Example.ReplaceLineEndings("\n"));
        text.IndexOf(StarterConfigText.ReferenceHeading, StringComparison.Ordinal).ShouldBe(text.LastIndexOf(StarterConfigText.ReferenceHeading, StringComparison.Ordinal));
    }

    [Fact]
    public void Every_key_of_the_reference_is_commented_out()
    {
        var reference = StarterConfigText.CommentOut(Example);

        reference.Split('\n').ShouldAllBe(line => line.Length == 0 || line.StartsWith('#'));
    }

    [Fact]
    public void With_no_toolchain_and_a_shell_the_file_has_no_gate_no_setup_and_says_what_to_do()
    {
        var text = StarterConfigText.Render(new StarterConfig { Base = "trunk", Agent = "shell" }, Example);

        var config = Load(text);

        config.Fleet.Gate.ShouldBeNull();
        config.Setup.Run.ShouldBeNull();
        config.Setup.Caches.ShouldBeEmpty();
        config.Fleet.Agent.ShouldBe(AgentRef.Preset("shell"));
        text.ShouldContain("No known toolchain found");
        text.ShouldContain("No claude, codex, gemini or aider on PATH");
        text.ShouldContain("set `gate`");
    }

    [Fact]
    public void A_detached_head_writes_no_base_and_a_branch_with_quotes_is_written_as_a_valid_string()
    {
        var detached = Load(StarterConfigText.Render(new StarterConfig { Agent = "codex" }, Example));
        var quoted = Load(StarterConfigText.Render(new StarterConfig { Base = "feature/\"x\"", Agent = "codex" }, Example));

        detached.Fleet.Base.ShouldBeNull();
        quoted.Fleet.Base.ShouldBe("feature/\"x\"");
    }

    [Fact]
    public void A_stack_without_setup_contributes_no_cache()
    {
        var undecided = Dotnet with { Setup = null, Gate = null };

        var config = Load(StarterConfigText.Render(new StarterConfig { Base = "main", Agent = "shell", Stacks = [undecided] }, Example));

        config.Setup.Run.ShouldBeNull();
        config.Setup.Caches.ShouldBeEmpty();
    }
}

using FleetTui.Core.Agents;
using FleetTui.Core.Config;
using Shouldly;
using Xunit;

namespace FleetTui.Core.Tests.Config;

public class ConfigLoaderTests
{
    private static FleetConfig Parse(string toml) => ConfigLoader.Parse(toml.ReplaceLineEndings("\n"), "/repo/fleet.toml");

    private const string Realistic = """
        [fleet]
        base = "develop"
        worktrees = "../wt/{task}"
        agent = ["claude", "--model", "opus"]
        gate = "make test PORT={port.web}"
        gate_timeout = "1h30m"
        gate_after_merge = true
        cleanup = "never"
        scope_enforcement = "block"
        fast_forward = true
        context = "docs/CONTEXT.md"
        ports = { first = 50000, last = 50099 }
        env = { APP_ENV = "dev-{task}" }

        [setup]
        run = "npm ci && createdb {db}"
        timeout = "90s"
        copy = [".env"]
        link = ["node_modules/.cache"]
        caches = { npm_config_cache = "{repo}/../.cache/npm" }
        database = "shop_{task}"

        [agents.claude]
        continue_args = ["--resume"]

        [agents.local]
        command = ["./bin/agent", "--task", "{task}"]
        handover = "file"
        env = { AGENT_PORT = "{port.web}" }

        [[task]]
        name = "cart"
        prompt = "Build the cart."
        scope = ["src/cart/**"]
        ports = ["web", "api"]
        env = { CART_API = "http://localhost:{port.api}" }

        [[task]]
        name = "checkout"
        branch = "feature/checkout"
        base = "cart"
        depends_on = ["cart"]
        agent = "local"
        ticket = "tickets/checkout.md"
        gate = "npm test"
        ports = ["web"]
        """;

    [Fact]
    public void A_realistic_fleet_loads_into_the_expected_records()
    {
        var config = Parse(Realistic);

        config.SourcePath.ShouldBe("/repo/fleet.toml");
        config.Fleet.Base.ShouldBe("develop");
        config.Fleet.Worktrees.ShouldBe("../wt/{task}");
        config.Fleet.Agent.ShouldBe(AgentRef.Command(["claude", "--model", "opus"]));
        config.Fleet.Gate.ShouldBe("make test PORT={port.web}");
        config.Fleet.GateTimeout.ShouldBe(TimeSpan.FromMinutes(90));
        config.Fleet.GateAfterMerge.ShouldBeTrue();
        config.Fleet.Cleanup.ShouldBe(CleanupPolicy.Never);
        config.Fleet.ScopeEnforcement.ShouldBe(ScopeEnforcement.Block);
        config.Fleet.FastForward.ShouldBeTrue();
        config.Fleet.Context.ShouldBe("docs/CONTEXT.md");
        config.Fleet.Ports.ShouldBe(new PortRange(50000, 50099));
        config.Fleet.Env.ShouldBe(new Dictionary<string, string> { ["APP_ENV"] = "dev-{task}" });

        config.Setup.Run.ShouldBe("npm ci && createdb {db}");
        config.Setup.Timeout.ShouldBe(TimeSpan.FromSeconds(90));
        config.Setup.Copy.ShouldBe([".env"]);
        config.Setup.Link.ShouldBe(["node_modules/.cache"]);
        config.Setup.Caches.ShouldBe(new Dictionary<string, string> { ["npm_config_cache"] = "{repo}/../.cache/npm" });
        config.Setup.Database.ShouldBe("shop_{task}");

        config.Tasks.Select(t => t.Name).ShouldBe(["cart", "checkout"]);
        var cart = config.Tasks[0];
        cart.Branch.ShouldBe("fleet/cart");
        cart.Base.ShouldBeNull();
        cart.Agent.ShouldBeNull();
        cart.Prompt.ShouldBe("Build the cart.");
        cart.Scope.ShouldBe(["src/cart/**"]);
        cart.Ports.ShouldBe(["web", "api"]);
        cart.Env["CART_API"].ShouldBe("http://localhost:{port.api}");
        cart.Position.ShouldBe(new SourcePosition(31, 1));

        var checkout = config.FindTask("checkout")!;
        checkout.Branch.ShouldBe("feature/checkout");
        checkout.Base.ShouldBe("cart");
        checkout.DependsOn.ShouldBe(["cart"]);
        checkout.Agent.ShouldBe(AgentRef.Preset("local"));
        checkout.Ticket.ShouldBe("tickets/checkout.md");
        checkout.Gate.ShouldBe("npm test");
    }

    [Fact]
    public void Agent_tables_override_built_in_presets_and_add_new_agents()
    {
        var agents = Parse(Realistic).Agents;

        agents["claude"].Command.ShouldBe(["claude"]);
        agents["claude"].Handover.ShouldBe(TicketHandover.Argument);
        agents["claude"].ContinueArgs.ShouldBe(["--resume"]);
        agents["local"].Command.ShouldBe(["./bin/agent", "--task", "{task}"]);
        agents["local"].Handover.ShouldBe(TicketHandover.File);
        agents["local"].Env["AGENT_PORT"].ShouldBe("{port.web}");
        agents["codex"].ShouldBe(AgentPresets.Codex);
        agents.Keys.Order().ShouldBe(["aider", "claude", "codex", "gemini", "local", "shell"]);
    }

    [Fact]
    public void An_empty_file_gives_the_defaults()
    {
        var config = Parse("");

        config.Fleet.ShouldBeEquivalentTo(new FleetSettings());
        config.Setup.ShouldBeEquivalentTo(new SetupConfig());
        config.Tasks.ShouldBeEmpty();
        config.Agents.Keys.Order().ShouldBe(["aider", "claude", "codex", "gemini", "shell"]);
        config.Fleet.Agent.ShouldBe(AgentRef.Preset("shell"));
        config.Fleet.Ports.ShouldBe(new PortRange(41000, 41999));
        config.Fleet.GateTimeout.ShouldBe(TimeSpan.FromMinutes(10));
    }

    [Fact]
    public void A_base_naming_a_branch_is_kept_as_a_branch()
    {
        Parse("[[task]]\nname = \"a\"\nbase = \"release/2.0\"\n").Tasks[0].Base.ShouldBe("release/2.0");
    }

    [Fact]
    public void Shell_parameter_expansion_and_literal_braces_are_not_templates()
    {
        var config = Parse("[fleet]\ngate = \"cd ${HOME} && echo '{{json}}' {task}\"\n");

        config.Fleet.Gate.ShouldBe("cd ${HOME} && echo '{{json}}' {task}");
    }

    [Fact]
    public void Quoted_and_dotted_keys_are_read_like_any_other()
    {
        var config = Parse("[fleet]\n\"base\" = \"main\"\nports.first = 42000\nports.last = 42010\n\n[[task]]\nname = 'a'\nenv.DEBUG = \"1\"\n");

        config.Fleet.Base.ShouldBe("main");
        config.Fleet.Ports.ShouldBe(new PortRange(42000, 42010));
        config.Tasks[0].Env["DEBUG"].ShouldBe("1");
    }

    [Fact]
    public void An_error_inside_a_multi_line_string_points_at_its_line()
    {
        var error = Should.Throw<ConfigException>(() => Parse("[setup]\nrun = \"\"\"\nnpm ci\nmake {tsk}\n\"\"\"\n"));

        error.Position.ShouldBe(new SourcePosition(4, 6));
        error.Problem.ShouldStartWith("unknown template variable '{tsk}'");
    }

    [Fact]
    public void Loading_reads_the_file_and_touches_nothing_else()
    {
        var folder = Directory.CreateTempSubdirectory("fleet-config-");
        try
        {
            var path = Path.Combine(folder.FullName, "fleet.toml");
            File.WriteAllText(path, Realistic);
            var before = File.GetLastWriteTimeUtc(path);

            var config = ConfigLoader.Load(path);

            config.SourcePath.ShouldBe(path);
            Directory.GetFileSystemEntries(folder.FullName).ShouldBe([path]);
            File.GetLastWriteTimeUtc(path).ShouldBe(before);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void Load_names_errors_after_the_file()
    {
        var folder = Directory.CreateTempSubdirectory("fleet-config-");
        try
        {
            var path = Path.Combine(folder.FullName, "fleet.toml");
            File.WriteAllText(path, "[fleet]\nbsae = \"main\"\n");

            Should.Throw<ConfigException>(() => ConfigLoader.Load(path)).Message
                .ShouldBe("fleet.toml:2:1: unknown key 'bsae' in [fleet]; did you mean 'base'?");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void A_sub_table_after_a_task_header_belongs_to_that_task()
    {
        var config = Parse("[[task]]\nname = \"a\"\n[task.env]\nX = \"1\"\n\n[[task]]\nname = \"b\"\n[task.env]\nX = \"2\"\n");

        config.Tasks.Select(t => t.Env["X"]).ShouldBe(["1", "2"]);
    }

    [Fact]
    public void The_dependency_graph_of_a_loaded_fleet_includes_stacking()
    {
        var graph = FleetTui.Core.Merging.DependencyGraph.FromTasks(Parse(Realistic).Tasks);

        graph.TopologicalOrder().ShouldBe(["cart", "checkout"]);
        graph.DependentsOf("cart").ShouldBe(["checkout"]);
    }
}

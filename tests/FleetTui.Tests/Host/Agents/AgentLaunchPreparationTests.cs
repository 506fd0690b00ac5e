using FleetTui.Core.Agents;
using FleetTui.Core.Config;
using FleetTui.Host.Agents;
using Shouldly;
using Xunit;

namespace FleetTui.Tests.Host.Agents;

public sealed class AgentLaunchPreparationTests
{
    private static AgentLaunchPlan Plan(string preset, params string[] argv) => new()
    {
        Task = "cart",
        Preset = preset,
        Argv = argv,
        Executable = "/usr/bin/" + argv[0],
        Environment = new Dictionary<string, string>(),
        WorkingDirectory = "/nonexistent/worktree",
    };

    private static FleetConfig Config(string agent, bool hooks) => ConfigLoader.Parse($"""
        [fleet]
        agent = "{agent}"
        [agents.{agent}]
        hooks = {(hooks ? "true" : "false")}
        """, "fleet.toml");

    [Fact]
    public void Codex_hooks_are_a_notify_override_placed_before_its_own_arguments()
    {
        var notes = new List<string>();
        var plan = AgentLaunchPreparation.Prepare(Plan("codex", "codex", "resume", "--last"), Config("codex", hooks: true), "/src/shop", ["/usr/bin/fleet"], notes.Add);
        plan.Argv.ShouldBe(["codex", .. CodexHooks.LaunchArguments(["/usr/bin/fleet"], "cart"), "resume", "--last"]);
        notes.ShouldBeEmpty();
    }

    [Fact]
    public void No_hooks_unless_asked_for()
    {
        var plan = Plan("codex", "codex", "fix it");
        AgentLaunchPreparation.Prepare(plan, Config("codex", hooks: false), "/src/shop", ["/usr/bin/fleet"], _ => { }).ShouldBe(plan);
    }

    [Fact]
    public void The_agent_is_known_by_its_preset_or_its_commands_name()
    {
        AgentLaunchPreparation.KindOf(Plan("gemini", "node", "gemini.js")).ShouldBe("gemini");
        AgentLaunchPreparation.KindOf(Plan("reviewer", "claude", "--model", "opus")).ShouldBe("claude");
    }
}

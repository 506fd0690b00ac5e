using FleetTui.Core.Agents;
using FleetTui.Core.Config;
using Shouldly;
using Xunit;

namespace FleetTui.Core.Tests.Agents;

public class AgentPresetsTests
{
    [Fact]
    public void The_built_in_presets_are_named_after_their_key()
    {
        AgentPresets.BuiltIn.Keys.Order().ShouldBe(["aider", "claude", "codex", "gemini", "shell"]);
        AgentPresets.BuiltIn.ShouldAllBe(pair => pair.Key == pair.Value.Name && pair.Value.Command.Count > 0);
    }

    [Fact]
    public void Claude_and_codex_take_the_prompt_as_an_argument_and_know_how_to_continue()
    {
        AgentPresets.Claude.Handover.ShouldBe(TicketHandover.Argument);
        AgentPresets.Claude.ContinueArgs.ShouldBe(["--continue"]);
        AgentPresets.Codex.Handover.ShouldBe(TicketHandover.Argument);
        AgentPresets.Codex.ContinueArgs.ShouldBe(["resume", "--last"]);
    }

    [Fact]
    public void Gemini_gets_its_prompt_after_the_interactive_flag()
    {
        AgentPresets.Gemini.PromptArgs.ShouldBe(["-i"]);
    }

    [Fact]
    public void The_shell_preset_resolves_to_the_users_shell()
    {
        AgentPresets.ResolveShell(AgentPresets.Shell.Command, "/bin/zsh").ShouldBe(["/bin/zsh"]);
        AgentPresets.ResolveShell(AgentPresets.Shell.Command, null).ShouldBe(["sh"]);
        AgentPresets.ResolveShell(["claude"], "/bin/zsh").ShouldBe(["claude"]);
    }
}

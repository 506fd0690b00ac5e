using FleetTui.Core.Agents;
using Shouldly;
using Xunit;

namespace FleetTui.Core.Tests.Agents;

public sealed class AgentStateHintsTests
{
    [Theory]
    [InlineData("claude", "│ ❯ 1. Yes                │")]
    [InlineData("codex", "› 1. Yes, proceed (y)")]
    [InlineData("gemini", "│ ● 1. Yes, allow once     │")]
    [InlineData("aider", "Apply edit to src/checkout.py? (Y)es/(N)o [Yes]:")]
    [InlineData("shell", "Overwrite file? [y/N]")]
    [InlineData("claude", "Do you want to proceed?")]
    [InlineData("gemini", "│ Allow execution of: 'npm'? │")]
    public void Recognises_approval_prompts(string preset, string line) =>
        AgentPresets.HintsFor(preset).ClassifyScreen(["some transcript", line], cursorVisible: true).ShouldBe(ScreenVerdict.Waiting);

    [Theory]
    [InlineData("claude", "✻ Pondering… (12s · ↑ 1.2k tokens · esc to interrupt)")]
    [InlineData("claude", "✶ Reticulating…")]
    [InlineData("codex", "• Working (5s • esc to interrupt)")]
    [InlineData("gemini", "⠋ Reading the codebase (esc to cancel, 3s)")]
    [InlineData("aider", "░█          Waiting for anthropic/claude-sonnet-4")]
    public void Recognises_spinners(string preset, string line) =>
        AgentPresets.HintsFor(preset).ClassifyScreen(["transcript", line], cursorVisible: false).ShouldBe(ScreenVerdict.Working);

    [Fact]
    public void A_spinner_beats_a_question_in_the_transcript_but_not_a_choice_menu()
    {
        var hints = AgentStatePatterns.Claude;
        hints.ClassifyScreen(["Do you want me to add tests?", "✻ Pondering… (esc to interrupt)"], false).ShouldBe(ScreenVerdict.Working);
        hints.ClassifyScreen(["✻ Pondering… (esc to interrupt)", "❯ 1. Yes"], false).ShouldBe(ScreenVerdict.Waiting);
    }

    [Fact]
    public void Looks_only_at_the_last_lines()
    {
        var screen = new List<string> { "❯ 1. Yes" };
        screen.AddRange(Enumerable.Range(0, 20).Select(i => $"line {i}"));
        screen.AddRange(["", "", "│ >   │"]);
        AgentStatePatterns.Claude.ClassifyScreen(screen, false).ShouldBe(ScreenVerdict.Prompt);
    }

    [Fact]
    public void A_line_based_prompt_needs_the_cursor_and_the_last_line()
    {
        var hints = AgentStatePatterns.Aider;
        hints.ClassifyScreen(["Tokens: 6.1k sent", ">"], cursorVisible: true).ShouldBe(ScreenVerdict.Prompt);
        hints.ClassifyScreen(["Tokens: 6.1k sent", ">"], cursorVisible: false).ShouldBe(ScreenVerdict.None);
        hints.ClassifyScreen(["Apply edit? (Y)es/(N)o [Yes]: y", "Applied edit", ">"], cursorVisible: true).ShouldBe(ScreenVerdict.Prompt);
    }

    [Fact]
    public void Token_counts_in_a_footer_are_not_a_spinner_except_claudes_arrows()
    {
        AgentStatePatterns.Codex.ClassifyScreen(["⏎ send   12K tokens used"], false).ShouldBe(ScreenVerdict.Prompt);
        AgentStatePatterns.Claude.ClassifyScreen(["(3s · ↑ 1.2k tokens)"], false).ShouldBe(ScreenVerdict.Working);
    }

    [Theory]
    [InlineData("⠋ search: working", AgentActivity.Working)]
    [InlineData("✳ search: waiting", AgentActivity.WaitingForInput)]
    [InlineData("✳ search: idle", AgentActivity.Idle)]
    [InlineData("✳ Claude Code", AgentActivity.Idle)]
    [InlineData("⠐ Fix cart total", AgentActivity.Working)]
    [InlineData("vim README.md", null)]
    public void Reads_titles(string title, AgentActivity? expected) =>
        AgentStatePatterns.Generic.ClassifyTitle(title).ShouldBe(expected);

    [Fact]
    public void Unknown_presets_get_the_generic_hints() =>
        AgentPresets.HintsFor("my-agent").ShouldBeSameAs(AgentStatePatterns.Generic);
}

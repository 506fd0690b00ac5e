using FleetTui.Core.Agents;
using Shouldly;
using Xunit;

namespace FleetTui.Core.Tests.Agents;

public sealed class AgentStateExplainTextTests
{
    private static DateTimeOffset T(double seconds) => AgentRecording.At(seconds);

    [Fact]
    public void Says_the_state_its_source_and_rule_the_evidence_of_each_source_and_the_timeline()
    {
        var explanation = new AgentStateExplanation
        {
            At = T(12),
            State = new AgentState(AgentActivity.WaitingForInput, StateSource.Screen) { Confidence = 0.75 },
            Since = T(10),
            Rule = "choice",
            LastHook = new HookEvidence(T(9.5), HookSignal.Working, "PreToolUse"),
            HookSuperseded = true,
            Screen = new ScreenMatch(ScreenVerdict.Waiting, "choice", ["❯ 1. Yes", "Esc to cancel · Tab to amend"]),
            ScreenSince = T(10),
            Title = "✳ Claude Code",
            TitleAt = T(1),
            LastOutput = T(11.5),
            Transitions =
            [
                new AgentStateTransition(T(0), AgentActivity.Starting, StateSource.Process, "started"),
                new AgentStateTransition(T(2), AgentActivity.Working, StateSource.Hook, "UserPromptSubmit"),
                new AgentStateTransition(T(10), AgentActivity.WaitingForInput, StateSource.Screen, "choice"),
            ],
        };

        var text = AgentStateExplainText.Render(explanation);

        text.ShouldContain("state:   waiting for input, since 00:00:10.000 (2.0 s ago)");
        text.ShouldContain("source:  screen, rule \"choice\", confidence 0.75");
        text.ShouldContain("hook:    PreToolUse → working, at 00:00:09.500 (2.5 s ago) (superseded: the screen has moved on since)");
        text.ShouldContain("screen:  waiting by rule \"choice\", since 00:00:10.000 (2.0 s ago), matching:\n           ❯ 1. Yes\n           Esc to cancel · Tab to amend");
        text.ShouldContain("title:   \"✳ Claude Code\" at 00:00:01.000 (11.0 s ago)");
        text.ShouldContain("  00:00:02.000  working           hook (UserPromptSubmit)");
        text.IndexOf("starting", StringComparison.Ordinal).ShouldBeLessThan(text.IndexOf("  00:00:10.000  waiting", StringComparison.Ordinal));
    }

    [Fact]
    public void Says_plainly_when_a_source_has_nothing()
    {
        var text = AgentStateExplainText.Render(new AgentStateExplanation { At = T(1), State = AgentState.NotStarted, Since = DateTimeOffset.MinValue });
        text.ShouldContain("state:   not started, since the start");
        text.ShouldContain("hook:    none received");
        text.ShouldContain("screen:  no rule matches the last lines");
        text.ShouldContain("(no transition yet)");
    }
}

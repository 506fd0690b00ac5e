using FleetTui.RealAgents.Tests.Harness;
using FleetTui.RealAgents.Tests.Stories;
using FleetTui.RealAgents.Tests.Support;
using Shouldly;
using Xunit;
using Xunit.Abstractions;

namespace FleetTui.RealAgents.Tests;

/// <summary>
/// The real Claude Code in a fleet pane against the mock Messages API, hooks on as a user enables them (and, for the
/// stories where hooks help most, off as by default): each story's states are the truth's, none false, and each comes
/// within its goal. `scripts/measure-agent-states.sh` runs every story both ways, ten times.
/// </summary>
[Collection(RealAgentsCollection.Name)]
public sealed class ClaudeCodeTests(ITestOutputHelper output)
{
    private async Task RunAsync(string story, bool hooks = true)
    {
        var result = await ClaudeCodeStories.RunAsync(story, hooks);
        output.WriteLine(result.ToString());
        StoryGoals.Check(result);
    }

    [RealAgentFact("claude")]
    public Task A_plain_answer_goes_from_starting_through_working_to_idle() => RunAsync("answer");

    [RealAgentFact("claude")]
    public Task A_permission_dialog_is_waiting_and_a_grant_is_working_at_once() => RunAsync("permission granted");

    [RealAgentFact("claude")]
    public Task A_grant_faster_than_the_waiting_hook_stays_working_when_the_late_hook_comes() => RunAsync("permission granted at once");

    [RealAgentFact("claude")]
    public Task A_denied_permission_goes_from_waiting_to_idle() => RunAsync("permission denied");

    [RealAgentFact("claude")]
    public Task An_AskUserQuestion_question_is_waiting_although_no_hook_says_so() => RunAsync("question");

    [RealAgentFact("claude")]
    public Task An_Esc_interrupt_ends_working_within_a_second() => RunAsync("interrupt");

    [RealAgentFact("claude")]
    public Task A_long_streaming_turn_stays_working_until_it_ends() => RunAsync("long turn");

    [RealAgentFact("claude")]
    public Task A_rate_limit_it_waits_out_is_stuck() => RunAsync("rate limited");

    [RealAgentFact("claude")]
    public Task An_overloaded_API_is_stuck() => RunAsync("overloaded");

    [RealAgentFact("claude")]
    public Task An_exhausted_credit_balance_is_stuck() => RunAsync("no credit");

    [RealAgentFact("claude")]
    public Task Without_hooks_a_grant_is_working_at_once_too() => RunAsync("permission granted", hooks: false);

    [RealAgentFact("claude")]
    public Task Without_hooks_a_question_is_waiting() => RunAsync("question", hooks: false);

    [RealAgentFact("claude")]
    public Task Without_hooks_an_Esc_interrupt_ends_working_within_a_second() => RunAsync("interrupt", hooks: false);
}

using FleetTui.Core.Agents;
using FleetTui.RealAgents.Tests.Harness;
using FleetTui.RealAgents.Tests.Mocks;

namespace FleetTui.RealAgents.Tests.Stories;

/// <summary>Codex CLI's scripted stories (see <see cref="ClaudeCodeStories"/> for how they are judged).</summary>
public static class CodexStories
{
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(40);

    public static IReadOnlyList<string> Names { get; } = ["answer", "command approved"];

    private static readonly AgentActivity[] Launch = [AgentActivity.Starting, AgentActivity.Working];

    public static Task<StoryResult> RunAsync(string name) => name switch
    {
        "answer" => AnswerAsync(),
        "command approved" => ApprovalAsync(),
        _ => throw new ArgumentException($"no Codex story '{name}'", nameof(name)),
    };

    /// <summary>
    /// The turn ended for the user: the answer is there and the spinner is gone (Codex draws its "Worked for …" line and
    /// runs its notify hook a little later, when it has recorded the turn).
    /// </summary>
    private static Func<string, bool> IdleWith(string text) => screen =>
        !screen.Contains("esc to interrupt", StringComparison.Ordinal) && screen.Contains(text, StringComparison.Ordinal);

    private static async Task<StoryResult> AnswerAsync()
    {
        await using var session = await CodexSession.StartAsync(ResponsesMockServer.Marker(CodexStory.Answer) + " say done");
        var pane = session.Pane;
        var story = new StoryRecorder("codex", "answer", pane, session.Hooks);
        story.Begin("launch", pane.StartedAt, Launch);
        var idle = await pane.ScreenShowsAsync(IdleWith("Done."), "the answer and the idle composer", Wait);
        story.Begin(new StoryPhase("idle", idle, new HashSet<AgentActivity> { AgentActivity.Idle }) { Measure = "idle", Target = AgentActivity.Idle });
        await pane.StateAsync(AgentActivity.Idle, pane.StartedAt, Wait);
        await Settle.WatchAsync(pane);
        return story.Finish();
    }

    private static async Task<StoryResult> ApprovalAsync()
    {
        await using var session = await CodexSession.StartAsync(ResponsesMockServer.Marker(CodexStory.Command) + " create the probe file");
        var pane = session.Pane;
        var story = new StoryRecorder("codex", "command approved", pane, session.Hooks);
        story.Begin("launch", pane.StartedAt, Launch);
        var dialog = await pane.ScreenShowsAsync("Would you like to run the following command?", Wait);
        story.Begin(new StoryPhase("approval", dialog, new HashSet<AgentActivity> { AgentActivity.WaitingForInput }) { Measure = "waiting", Target = AgentActivity.WaitingForInput });
        await pane.StateAsync(AgentActivity.WaitingForInput, pane.StartedAt, Wait);
        var granted = pane.Press(AgentPane.Enter);
        story.Begin(new StoryPhase("approved, the command runs", granted, new HashSet<AgentActivity> { AgentActivity.Working }) { Measure = "working after grant", Target = AgentActivity.Working });
        await pane.StateAsync(AgentActivity.Working, granted, Wait);
        var idle = await pane.ScreenShowsAsync(IdleWith("Done."), "the answer and the idle composer", Wait);
        story.Begin(new StoryPhase("idle", idle, new HashSet<AgentActivity> { AgentActivity.Idle }) { Measure = "idle", Target = AgentActivity.Idle });
        await pane.StateAsync(AgentActivity.Idle, granted, Wait);
        await Settle.WatchAsync(pane);
        return story.Finish();
    }
}

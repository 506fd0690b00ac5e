using FleetTui.Core.Agents;
using FleetTui.RealAgents.Tests.Harness;
using FleetTui.RealAgents.Tests.Mocks;

namespace FleetTui.RealAgents.Tests.Stories;

/// <summary>
/// Claude Code's scripted stories, each run as a user would live it in a fleet pane, the truth of every phase taken
/// from the screen (or the key the user pressed) and the detector judged against it (<see cref="StoryRecorder"/>).
/// </summary>
public static class ClaudeCodeStories
{
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(40);

    public static IReadOnlyList<string> Names { get; } =
        ["answer", "permission granted", "permission granted at once", "permission denied", "question", "interrupt", "long turn", "rate limited", "overloaded", "no credit"];

    private static readonly AgentActivity[] Launch = [AgentActivity.Starting, AgentActivity.Working];

    public static Task<StoryResult> RunAsync(string name, bool hooks = true) => name switch
    {
        "answer" => AnswerAsync(hooks),
        "permission granted" => PermissionAsync(hooks, grant: true),
        "permission granted at once" => PermissionAsync(hooks, grant: true, pause: false),
        "permission denied" => PermissionAsync(hooks, grant: false),
        "question" => QuestionAsync(hooks),
        "interrupt" => InterruptAsync(hooks),
        "long turn" => LongTurnAsync(hooks),
        "rate limited" => StuckAsync(hooks, AnthropicStory.RateLimited, "retrying in", name),
        "overloaded" => StuckAsync(hooks, AnthropicStory.Overloaded, "retrying in", name),
        "no credit" => StuckAsync(hooks, AnthropicStory.NoCredit, "Credit balance too low", name),
        _ => throw new ArgumentException($"no Claude Code story '{name}'", nameof(name)),
    };

    private static string Agent(bool hooks) => hooks ? "claude (hooks)" : "claude (screen)";

    /// <summary>The turn ended: the footer offers shortcuts again, no spinner, and the answer is there.</summary>
    private static Func<string, bool> IdleWith(string text) => screen =>
        screen.Contains("? for shortcuts", StringComparison.Ordinal) && !screen.Contains("esc to interrupt", StringComparison.Ordinal)
        && screen.Contains(text, StringComparison.Ordinal);

    private static async Task<StoryResult> AnswerAsync(bool hooks)
    {
        await using var session = await ClaudeCodeSession.StartAsync(AnthropicMockServer.Marker(AnthropicStory.Answer) + " say done", hooks);
        var pane = session.Pane;
        var story = new StoryRecorder(Agent(hooks), "answer", pane, session.Hooks);
        story.Begin("launch", pane.StartedAt, Launch);
        var idle = await pane.ScreenShowsAsync(IdleWith("Done."), "the answer and the idle prompt", Wait);
        story.Begin(new StoryPhase("idle", idle, Set(AgentActivity.Idle)) { Measure = "idle", Target = AgentActivity.Idle });
        await pane.StateAsync(AgentActivity.Idle, pane.StartedAt, Wait);
        await Settle.WatchAsync(pane);
        return story.Finish();
    }

    /// <param name="pause">Answer like a person, once the hook came; else the moment "waiting" shows (before the hook).</param>
    private static async Task<StoryResult> PermissionAsync(bool hooks, bool grant, bool pause = true)
    {
        await using var session = await ClaudeCodeSession.StartAsync(AnthropicMockServer.Marker(AnthropicStory.Bash) + " create the probe file", hooks);
        var pane = session.Pane;
        var story = new StoryRecorder(Agent(hooks), grant ? pause ? "permission granted" : "permission granted at once" : "permission denied", pane, session.Hooks);
        story.Begin("launch", pane.StartedAt, Launch);
        var dialog = await pane.ScreenShowsAsync("Do you want to proceed?", Wait);
        story.Begin(new StoryPhase("permission dialog", dialog, Set(AgentActivity.WaitingForInput)) { Measure = "waiting", Target = AgentActivity.WaitingForInput });
        await pane.StateAsync(AgentActivity.WaitingForInput, pane.StartedAt, Wait);
        if (pause)
            await HumanPauseAsync(session, dialog);
        if (grant)
        {
            var granted = pane.Press(AgentPane.Enter);
            story.Begin(new StoryPhase("granted, the tool runs", granted, Set(AgentActivity.Working)) { Measure = "working after grant", Target = AgentActivity.Working });
            await pane.StateAsync(AgentActivity.Working, granted, Wait);
            var idle = await pane.ScreenShowsAsync(IdleWith("Done."), "the answer and the idle prompt", Wait);
            story.Begin(new StoryPhase("idle", idle, Set(AgentActivity.Idle)) { Measure = "idle", Target = AgentActivity.Idle });
            await pane.StateAsync(AgentActivity.Idle, idle - StoryRecorder.Grace, Wait);
        }
        else
        {
            var denied = pane.Press(AgentPane.Escape);
            var idle = await pane.ScreenShowsAsync(IdleWith("Interrupted"), "the rejection and the idle prompt", Wait);
            story.Begin(new StoryPhase("denied", denied, Set(AgentActivity.Idle)) { Measure = "idle", Target = AgentActivity.Idle, MeasureFrom = idle });
            await pane.StateAsync(AgentActivity.Idle, denied, Wait);
        }
        await Settle.WatchAsync(pane);
        return story.Finish();
    }

    private static async Task<StoryResult> QuestionAsync(bool hooks)
    {
        await using var session = await ClaudeCodeSession.StartAsync(AnthropicMockServer.Marker(AnthropicStory.Ask) + " ask me a question", hooks);
        var pane = session.Pane;
        var story = new StoryRecorder(Agent(hooks), "question", pane, session.Hooks);
        story.Begin("launch", pane.StartedAt, Launch);
        var question = await pane.ScreenShowsAsync("Enter to select", Wait);
        story.Begin(new StoryPhase("question", question, Set(AgentActivity.WaitingForInput)) { Measure = "waiting", Target = AgentActivity.WaitingForInput });
        await pane.StateAsync(AgentActivity.WaitingForInput, pane.StartedAt, Wait);
        pane.Press(AgentPane.Down);
        var answered = pane.Press(AgentPane.Enter);
        story.Begin("answered", answered, AgentActivity.Working, AgentActivity.Idle);
        var idle = await pane.ScreenShowsAsync(IdleWith("Done."), "the answer and the idle prompt", Wait);
        story.Begin(new StoryPhase("idle", idle, Set(AgentActivity.Idle)) { Measure = "idle", Target = AgentActivity.Idle });
        await pane.StateAsync(AgentActivity.Idle, answered, Wait);
        await Settle.WatchAsync(pane);
        return story.Finish();
    }

    private static async Task<StoryResult> InterruptAsync(bool hooks)
    {
        await using var session = await ClaudeCodeSession.StartAsync(AnthropicMockServer.Marker(AnthropicStory.Long) + " write a lot", hooks);
        var pane = session.Pane;
        var story = new StoryRecorder(Agent(hooks), "interrupt", pane, session.Hooks);
        story.Begin("launch", pane.StartedAt, Launch);
        var working = await pane.ScreenShowsAsync("word3 ", Wait);
        story.Begin("streaming", working, AgentActivity.Working);
        await pane.StateAsync(AgentActivity.Working, pane.StartedAt, Wait);
        await pane.ScreenShowsAsync("word8 ", Wait);
        var interrupted = pane.Press(AgentPane.Escape);
        story.Begin(new StoryPhase("interrupted", interrupted, Set(AgentActivity.Idle)) { Measure = "interrupt", Target = AgentActivity.Idle });
        await pane.ScreenShowsAsync(IdleWith("Interrupted"), "the interruption and the idle prompt", Wait);
        await pane.StateAsync(AgentActivity.Idle, interrupted, Wait);
        await Settle.WatchAsync(pane);
        return story.Finish();
    }

    private static async Task<StoryResult> LongTurnAsync(bool hooks)
    {
        await using var session = await ClaudeCodeSession.StartAsync(AnthropicMockServer.Marker(AnthropicStory.Long) + " write a lot", hooks);
        var pane = session.Pane;
        var story = new StoryRecorder(Agent(hooks), "long turn", pane, session.Hooks);
        story.Begin("launch", pane.StartedAt, Launch);
        var working = await pane.ScreenShowsAsync("word3 ", Wait);
        story.Begin("streaming", working, AgentActivity.Working);
        var idle = await pane.ScreenShowsAsync(IdleWith($"word{session.Server.LongChunks - 1}"), "the whole answer and the idle prompt", Wait);
        story.Begin(new StoryPhase("idle", idle, Set(AgentActivity.Idle)) { Measure = "idle", Target = AgentActivity.Idle });
        await pane.StateAsync(AgentActivity.Idle, working, Wait);
        await Settle.WatchAsync(pane);
        return story.Finish();
    }

    private static async Task<StoryResult> StuckAsync(bool hooks, AnthropicStory error, string shows, string name)
    {
        await using var session = await ClaudeCodeSession.StartAsync(AnthropicMockServer.Marker(error) + " say done", hooks);
        var pane = session.Pane;
        var story = new StoryRecorder(Agent(hooks), name, pane, session.Hooks);
        story.Begin("launch", pane.StartedAt, Launch);
        var stuck = await pane.ScreenShowsAsync(shows, Wait);
        story.Begin(new StoryPhase("stuck", stuck, Set(AgentActivity.Stuck)) { Measure = "stuck", Target = AgentActivity.Stuck });
        await pane.StateAsync(AgentActivity.Stuck, pane.StartedAt, Wait);
        await Settle.WatchAsync(pane);
        return story.Finish();
    }

    /// <summary>
    /// A person reads a dialog before answering: with hooks on, answer once the waiting hook came (the hook's process
    /// takes a few hundred milliseconds to start), at most a second and a half after the dialog showed.
    /// </summary>
    private static async Task HumanPauseAsync(ClaudeCodeSession session, DateTimeOffset dialog)
    {
        if (session.Hooks is not { } hooks)
            return;
        var until = dialog + TimeSpan.FromMilliseconds(1500);
        while (DateTimeOffset.UtcNow < until && !hooks.Signals.Any(s => s.State == HookSignal.Waiting))
            await Task.Delay(10);
    }

    private static HashSet<AgentActivity> Set(params AgentActivity[] activities) => [.. activities];
}

using FleetTui.Core.Agents;
using FleetTui.RealAgents.Tests.Harness;
using FleetTui.RealAgents.Tests.Support;
using FleetTui.Terminal.Pty;

namespace FleetTui.RealAgents.Tests.Stories;

/// <summary>
/// Gemini CLI offline, in a throwaway HOME: it asks to trust the folder, restarts itself once trusted, then asks how to
/// authenticate — both dialogs while its window title says "◇  Ready". Both must read "waiting for input", never idle.
/// (Its config does allow a custom endpoint — GOOGLE_GEMINI_BASE_URL selects a "gateway" auth — so a mock Gemini
/// API could take it further; these stories stop at the screens every new user meets.)
/// </summary>
public static class GeminiStories
{
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    public static IReadOnlyList<string> Names { get; } = ["trust and auth"];

    private const string AuthQuestion = "How would you like to authenticate";

    public static Task<StoryResult> RunAsync(string name) => name switch
    {
        "trust and auth" => TrustAndAuthAsync(),
        _ => throw new ArgumentException($"no Gemini CLI story '{name}'", nameof(name)),
    };

    private static async Task<StoryResult> TrustAndAuthAsync()
    {
        using var sandbox = new Sandbox();
        using var pane = new AgentPane(AgentPresets.HintsFor("gemini"));
        var environment = sandbox.BaseEnvironment();
        environment["GEMINI_CLI_NO_RELAUNCH"] = null; // its own restart is part of the story
        pane.Start(new PtySpawnOptions([AgentInstall.PathOf("gemini"), "-i", "say hello"])
        {
            WorkingDirectory = sandbox.Worktree,
            Environment = environment,
            InheritEnvironment = false,
        });
        var story = new StoryRecorder("gemini", "trust and auth", pane);
        story.Begin("launch", pane.StartedAt, AgentActivity.Starting, AgentActivity.Working);
        var trust = await pane.ScreenShowsAsync("Do you trust the files in this folder?", Wait);
        story.Begin(new StoryPhase("trust dialog", trust, new HashSet<AgentActivity> { AgentActivity.WaitingForInput }) { Measure = "waiting", Target = AgentActivity.WaitingForInput });
        await pane.StateAsync(AgentActivity.WaitingForInput, pane.StartedAt, Wait);
        var trusted = pane.Press(AgentPane.Enter);
        story.Begin("trusted, restarting", trusted, AgentActivity.WaitingForInput, AgentActivity.Working);
        var auth = await pane.ScreenShowsAsync(AuthQuestion, Wait);
        story.Begin(new StoryPhase("auth dialog", auth, new HashSet<AgentActivity> { AgentActivity.WaitingForInput }) { Measure = "waiting", Target = AgentActivity.WaitingForInput });
        // Often read before the test sees the dialog's text: the last "waiting" since the trust dialog was answered.
        var waiting = pane.States.LastOrDefault(c => c.Activity == AgentActivity.WaitingForInput && c.At >= trusted)
            ?? await pane.StateAsync(AgentActivity.WaitingForInput, auth, Wait);
        await Settle.WatchAsync(pane);
        if (pane.ScreenText().Contains(AuthQuestion, StringComparison.Ordinal))
            pane.Current.Activity.ShouldBeWaiting(pane);
        else
        {
            // Now and then (a loaded machine) Gemini picks its default sign-in by itself moments after drawing the dialog
            // ("Logging in with Google… Restarting"): the dialog read "waiting" while it showed (above); what follows is its own work.
            story.Note(waiting.At, "Gemini left its auth dialog by itself");
            story.Begin("signing in by itself", waiting.At.AddTicks(1), AgentActivity.WaitingForInput, AgentActivity.Working, AgentActivity.Idle, AgentActivity.Starting);
        }
        return story.Finish();
    }

    private static void ShouldBeWaiting(this AgentActivity activity, AgentPane pane)
    {
        if (activity != AgentActivity.WaitingForInput)
            throw new InvalidOperationException($"the auth dialog reads {activity}; states: {string.Join(", ", pane.States)}\n{pane.ScreenText()}");
    }
}

namespace FleetTui.Core.Agents;

/// <summary>The detector's timings. Defaults suit agents that redraw a spinner several times a second.</summary>
public sealed record AgentStateDetectorOptions
{
    /// <summary>How long a new state must hold before it is reported (hooks and process exit are reported at once).</summary>
    public TimeSpan Debounce { get; init; } = TimeSpan.FromMilliseconds(300);

    /// <summary>How long newer evidence from a less reliable source must hold before it contradicts the last hook.</summary>
    public TimeSpan HookOverride { get; init; } = TimeSpan.FromMilliseconds(1500);

    /// <summary>No output for this long means the output activity says idle (it says working within it).</summary>
    public TimeSpan QuietAfter { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>
    /// Output that goes on this long from the start is work, not a start-up banner (a program that floods from its
    /// first moment would otherwise stay "starting" for ever).
    /// </summary>
    public TimeSpan StartupBanner { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How long the screen must hold a dialog, a stuck agent, or whatever replaced a dialog, before it is reported: a
    /// dialog does not flicker, and a user waits for the sidebar to say "waiting" (and "working" again after answering).
    /// </summary>
    public TimeSpan FastDebounce { get; init; } = TimeSpan.FromMilliseconds(50);

    /// <summary>
    /// While an agent is starting (it has not yet worked, asked or been idle), how long "idle" must hold before it is
    /// believed: agents draw an empty input box before they submit the prompt they were started with.
    /// </summary>
    public TimeSpan LaunchSettle { get; init; } = TimeSpan.FromMilliseconds(1500);

    /// <summary>The same when the agent was started with a prompt: it will work first, so only a long quiet idle means it will not.</summary>
    public TimeSpan LaunchSettleWithPrompt { get; init; } = TimeSpan.FromSeconds(6);

    /// <summary>
    /// With a prompt: output that came this long after the idle screen appeared, then this long of quiet, is a first
    /// turn done (one too short for its spinner to be seen) rather than the input box drawn before the prompt is sent.
    /// </summary>
    public TimeSpan LaunchQuiet { get; init; } = TimeSpan.FromMilliseconds(800);

    /// <summary>
    /// A hook announcing what the screen already showed and has since left (a permission dialog the user answered
    /// before the hook's process got to report it) is late, not news, when it comes within this of the screen leaving it.
    /// </summary>
    public TimeSpan HookLag { get; init; } = TimeSpan.FromMilliseconds(1500);

    /// <summary>
    /// After the user answered a dialog (Enter, y, a digit) it reads "working" at once; should the dialog still be on
    /// screen, unchanged, this much later, the key did not reach it and it reads "waiting" again.
    /// </summary>
    public TimeSpan AnswerHold { get; init; } = TimeSpan.FromSeconds(1);

    public static AgentStateDetectorOptions Default { get; } = new();
}

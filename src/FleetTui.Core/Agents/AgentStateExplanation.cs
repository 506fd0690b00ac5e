namespace FleetTui.Core.Agents;

/// <summary>
/// Why a detector says what it says, frozen at <see cref="At"/>: the state, since when, its source and the rule within
/// it ("choice", "prompt", "title", "notification", "quiet output", a hook event…), the evidence of every source (the last
/// hook and when, the screen lines that matched and their rule, the window title, the last output), and the previous
/// transitions, newest last. Immutable, so a host can hand it to any client.
/// </summary>
public sealed record AgentStateExplanation
{
    public required DateTimeOffset At { get; init; }

    public required AgentState State { get; init; }

    public required DateTimeOffset Since { get; init; }

    /// <summary>The rule within the source that decided the state, or null (the process).</summary>
    public string? Rule { get; init; }

    public HookEvidence? LastHook { get; init; }

    /// <summary>The last hook was outvoted by what the screen showed after it (a dialog answered, a spinner gone).</summary>
    public bool HookSuperseded { get; init; }

    public ScreenMatch Screen { get; init; } = ScreenMatch.None;

    public DateTimeOffset? ScreenSince { get; init; }

    public string? Title { get; init; }

    public DateTimeOffset? TitleAt { get; init; }

    public DateTimeOffset? LastOutput { get; init; }

    /// <summary>The state waiting to hold its debounce, if any, and since when.</summary>
    public AgentActivity? Pending { get; init; }

    public IReadOnlyList<AgentStateTransition> Transitions { get; init; } = [];
}

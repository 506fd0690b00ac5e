namespace FleetTui.Core.Agents;

/// <summary>
/// What a screen sample says and why: the verdict, the rule that decided it (a <see cref="AgentStateHints"/> list by
/// name: "choice", "stuck", "working", "question", "failed", "prompt") and the screen lines it matched.
/// </summary>
public sealed record ScreenMatch(ScreenVerdict Verdict, string? Rule = null, IReadOnlyList<string>? Lines = null)
{
    public static ScreenMatch None { get; } = new(ScreenVerdict.None);

    public IReadOnlyList<string> MatchedLines => Lines ?? [];
}

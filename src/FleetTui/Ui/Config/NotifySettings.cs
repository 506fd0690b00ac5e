using FleetTui.Ui.Presentation;

namespace FleetTui.Ui.Config;

/// <summary>
/// <c>[notify]</c> in the user config: what to send the outer terminal when a task starts needing attention, per kind.
/// Off by default except the bell when an agent waits for input (the one event that blocks work until a human acts;
/// a bell from eight agents for everything else is noise unless asked for):
/// <code>
/// [notify]
/// waiting = ["bell", "osc9"]   # a task's agent waits for input
/// stuck = ["osc9"]             # its agent is stuck on its model API (rate limit, no credit)
/// review = ["osc9"]            # its work is ready for review (idle, clean, with commits)
/// gate_failed = ["bell"]       # its gate failed
/// conflict = ["osc777"]        # its merge conflicted: it went to review
/// exited = []                  # its agent exited
/// </code>
/// </summary>
public sealed record NotifySettings(IReadOnlyDictionary<AttentionKind, IReadOnlyList<OuterAlert>> ByKind)
{
    /// <summary>Nothing at all (tests, and <c>[notify]</c> with every kind set to <c>[]</c>).</summary>
    public static NotifySettings None { get; } = new(new Dictionary<AttentionKind, IReadOnlyList<OuterAlert>>());

    /// <summary>What a user who configured nothing gets: the bell when an agent waits for input.</summary>
    public static NotifySettings Default { get; } = None.With(AttentionKind.Waiting, [OuterAlert.Bell]);

    /// <summary>The config key of each kind, as written in <c>[notify]</c>.</summary>
    public static IReadOnlyDictionary<string, AttentionKind> Keys { get; } = new Dictionary<string, AttentionKind>(StringComparer.Ordinal)
    {
        ["waiting"] = AttentionKind.Waiting,
        ["stuck"] = AttentionKind.Stuck,
        ["review"] = AttentionKind.Review,
        ["gate_failed"] = AttentionKind.GateFailed,
        ["conflict"] = AttentionKind.Conflict,
        ["exited"] = AttentionKind.Exited,
    };

    public IReadOnlyList<OuterAlert> For(AttentionKind kind) => ByKind.GetValueOrDefault(kind) ?? [];

    public NotifySettings With(AttentionKind kind, IReadOnlyList<OuterAlert> alerts) =>
        new(new Dictionary<AttentionKind, IReadOnlyList<OuterAlert>>(ByKind) { [kind] = alerts });

    public bool Equals(NotifySettings? other) =>
        other is not null && Enum.GetValues<AttentionKind>().All(k => For(k).SequenceEqual(other.For(k)));

    public override int GetHashCode() => ByKind.Count;
}

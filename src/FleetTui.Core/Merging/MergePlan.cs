namespace FleetTui.Core.Merging;

/// <summary>The whole fleet in merge order (dependencies first, then by ready time, then by file order).</summary>
public sealed record MergePlan(IReadOnlyList<MergePlanEntry> Entries)
{
    public MergePlanEntry? Find(string task) => Entries.FirstOrDefault(e => e.Name == task);

    /// <summary>The next task a "merge next" action would take.</summary>
    public MergePlanEntry? Next => Entries.FirstOrDefault(e => e.Readiness.CanAttempt);
}

namespace FleetTui.Core.Merging;

/// <summary>One task's place in the merge order: 1-based position, readiness, and notes that do not block (warnings).</summary>
public sealed record MergePlanEntry(int Position, TaskMergeFacts Task, MergeReadiness Readiness, IReadOnlyList<string> Notes)
{
    public string Name => Task.Name;

    /// <summary>The human line: readiness first, then the warnings.</summary>
    public string Why => Notes.Count == 0 ? Readiness.Why : $"{Readiness.Why}; {string.Join("; ", Notes)}";
}

namespace FleetTui.Host.Merging;

/// <summary>One task's latest merge-queue progress ("gate running") or result ("merged as 1a2b3c4d5e").</summary>
public sealed record TaskMergeActivity(TaskMergeActivityKind Kind, string Text)
{
    /// <summary>Still going: the panel shows it as progress, and a second request for the task waits.</summary>
    public bool InProgress => Kind is TaskMergeActivityKind.Queued or TaskMergeActivityKind.GateRunning or TaskMergeActivityKind.Merging;

    public bool IsBadNews => Kind is TaskMergeActivityKind.Review or TaskMergeActivityKind.GateFailed or TaskMergeActivityKind.Failed;
}

public enum TaskMergeActivityKind
{
    Queued,
    GateRunning,
    Merging,
    GatePassed,
    GateFailed,
    Merged,
    Review,
    /// <summary>Not merged this time (not ready, or depends on something that did not merge).</summary>
    Skipped,
    /// <summary>A dependent whose dependencies merged was started from the integrated base.</summary>
    Started,
    Failed,
}

namespace FleetTui.Core.Merging;

/// <summary>One thing a merge run did, as printed by <c>fleet merge</c> and shown by the merge-order panel.</summary>
public sealed record MergeStep(string Task, MergeStepKind Kind, string Message);

public enum MergeStepKind
{
    GateRunning,
    GatePassed,
    GateFailed,
    Merged,
    Review,
    /// <summary>Not ready (the plan's reason); its dependents are held.</summary>
    Skipped,
    /// <summary>Depends on a task that went to review, failed or was skipped in this run.</summary>
    Held,
    CleanedUp,
    CleanupRefused,
    /// <summary>A dependent whose dependencies have all merged was started from the integrated base.</summary>
    DependentStarted,
    /// <summary>A remote host (or its task's branch) could not be reached: nothing of it merged.</summary>
    Unreached,
    /// <summary>The run stopped (the base is dirty or moved): nothing further merges.</summary>
    Stopped,
}

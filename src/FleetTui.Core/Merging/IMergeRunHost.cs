using FleetTui.Core.Session;

namespace FleetTui.Core.Merging;

/// <summary>
/// What a merge run needs from whoever owns the fleet's state (the session; the CLI in headless mode):
/// it records results and starts dependents. The run itself only does git and gates.
/// </summary>
public interface IMergeRunHost
{
    /// <summary>Progress, in order, as it happens.</summary>
    void Report(MergeStep step);

    Task GateFinishedAsync(string task, GateState gate, CancellationToken cancellationToken);

    /// <summary>The task is in the base: record it (phase Merged) and release its ports.</summary>
    Task TaskMergedAsync(string task, MergeOutcome outcome, CancellationToken cancellationToken);

    /// <summary>The task could not merge cleanly and waits on a human (phase Review) with the conflicting paths, if any.</summary>
    Task TaskSentToReviewAsync(string task, IReadOnlyList<string> conflicts, string note, CancellationToken cancellationToken);

    /// <summary>
    /// Every dependency of <paramref name="task"/> has merged: create its worktree from <paramref name="baseCommit"/>
    /// (the integrated base at this moment, so its first parent is the merge commit) and start its agent (a task declared on a
    /// remote host: there). Null when it started; otherwise why not.
    /// </summary>
    Task<string?> StartDependentAsync(string task, string baseCommit, CancellationToken cancellationToken);

    /// <summary>
    /// <paramref name="task"/>'s branch, at <paramref name="tip"/>, is about to be merged: a host that keeps state records it (a journal),
    /// so that when fleet dies before <see cref="MergeSettledAsync"/> the next run can tell whether the merge landed and finish what
    /// it implies (mark it merged, clean up, start its dependents) or forget it. The default keeps nothing.
    /// </summary>
    Task MergeStartingAsync(string task, string tip, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Everything the merge of <paramref name="task"/> implied is done, or the merge did not happen: drop the journal entry.</summary>
    Task MergeSettledAsync(string task, CancellationToken cancellationToken) => Task.CompletedTask;
}

using FleetTui.Core.Merging;

namespace FleetTui.Host.Merging;

/// <summary>
/// What the merge driver is doing, immutable: the operation running (if any), each task's latest progress or result,
/// the last summary, and the conflicts predicted by the last trial merges. Runtime only: what must survive a restart
/// (merged, review paths, gate results) is in the session.
/// </summary>
public sealed record MergeActivity
{
    public static MergeActivity Idle { get; } = new();

    /// <summary>"merging all ready tasks", "gate of pricing"; null when nothing runs.</summary>
    public string? Running { get; init; }

    public IReadOnlyDictionary<string, TaskMergeActivity> Tasks { get; init; } = new Dictionary<string, TaskMergeActivity>();

    /// <summary>The outcome of the last operation, one line ("Merged catalog, pricing; in review: discounts").</summary>
    public string? LastResult { get; init; }

    /// <summary>Whether <see cref="LastResult"/> is bad news (something went to review, a gate failed, an error).</summary>
    public bool LastResultFailed { get; init; }

    public IReadOnlyList<PredictedConflict> Conflicts { get; init; } = [];

    public TaskMergeActivity? For(string task) => Tasks.GetValueOrDefault(task);

    public bool IsGateRunning(string task) => For(task)?.Kind == TaskMergeActivityKind.GateRunning;

    public MergeActivity WithTask(string task, TaskMergeActivity activity) =>
        this with { Tasks = new Dictionary<string, TaskMergeActivity>(Tasks) { [task] = activity } };
}

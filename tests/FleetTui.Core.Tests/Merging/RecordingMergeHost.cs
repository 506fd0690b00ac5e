using FleetTui.Core.Merging;
using FleetTui.Core.Session;

namespace FleetTui.Core.Tests.Merging;

/// <summary>A merge-run host that records what happened and starts dependents the way the session does (a worktree from the given base commit).</summary>
internal sealed class RecordingMergeHost(TestRepo repo) : IMergeRunHost
{
    public List<MergeStep> Steps { get; } = [];

    public List<string> MergedInOrder { get; } = [];

    public Dictionary<string, IReadOnlyList<string>> Review { get; } = [];

    public Dictionary<string, GateState> Gates { get; } = [];

    public Dictionary<string, string> Started { get; } = [];

    public void Report(MergeStep step) => Steps.Add(step);

    public Task GateFinishedAsync(string task, GateState gate, CancellationToken cancellationToken)
    {
        Gates[task] = gate;
        return Task.CompletedTask;
    }

    public Task TaskMergedAsync(string task, MergeOutcome outcome, CancellationToken cancellationToken)
    {
        MergedInOrder.Add(task);
        return Task.CompletedTask;
    }

    public Task TaskSentToReviewAsync(string task, IReadOnlyList<string> conflicts, string note, CancellationToken cancellationToken)
    {
        Review[task] = conflicts;
        return Task.CompletedTask;
    }

    public Task<string?> StartDependentAsync(string task, string baseCommit, CancellationToken cancellationToken)
    {
        repo.AddTask(task, baseCommit);
        Started[task] = baseCommit;
        return Task.FromResult<string?>(null);
    }
}

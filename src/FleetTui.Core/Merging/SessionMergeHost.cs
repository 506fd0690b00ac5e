using FleetTui.Core.Session;

namespace FleetTui.Core.Merging;

/// <summary>
/// The merge run's host over the session: every result becomes a session command (so the state on disk, the TUI and
/// <c>fleet ps</c> see it), cleanup is the session's destroy (which also releases ports), and a dependent starts by the
/// session creating it, from the base branch as it is now (the merge commit just made); a dependent fleet.toml declares on a
/// remote host is started there (<paramref name="remote"/>), never here.
/// </summary>
public sealed class SessionMergeHost(FleetSession session, Action<MergeStep> report, IRemoteMergeWork? remote = null) : IMergeRunHost, ITaskCleanup
{
    public void Report(MergeStep step) => report(step);

    public Task GateFinishedAsync(string task, GateState gate, CancellationToken cancellationToken) =>
        SendAsync(new SessionCommand.RecordGate(task, gate));

    public Task TaskMergedAsync(string task, MergeOutcome outcome, CancellationToken cancellationToken) =>
        SendAsync(new SessionCommand.SetPhase(task, TaskPhase.Merged, outcome.Describe(task)));

    public Task TaskSentToReviewAsync(string task, IReadOnlyList<string> conflicts, string note, CancellationToken cancellationToken) =>
        SendAsync(new SessionCommand.RecordReview(task, conflicts, note));

    public async Task<string?> StartDependentAsync(string task, string baseCommit, CancellationToken cancellationToken)
    {
        var host = session.Current.Config.FindTask(task)?.Host;
        var result = host is null
            ? await session.SendAsync(new SessionCommand.CreateTask(task)).ConfigureAwait(false)
            : remote is not null
                ? await remote.StartDependentAsync(task, cancellationToken).ConfigureAwait(false)
                : CommandResult.Failed($"it lives on host '{host}' (start it with fleet new {task})");
        return result.Succeeded ? null : result.Message;
    }

    public Task MergeStartingAsync(string task, string tip, CancellationToken cancellationToken) =>
        SendAsync(new SessionCommand.BeginMerge(task, tip));

    public Task MergeSettledAsync(string task, CancellationToken cancellationToken) =>
        SendAsync(new SessionCommand.EndMerge(task));

    public async Task<CleanupResult> RemoveMergedAsync(TaskMergeFacts task, CancellationToken cancellationToken)
    {
        var result = await session.SendAsync(new SessionCommand.DestroyTask(task.Name)).ConfigureAwait(false);
        return new CleanupResult(result.Succeeded, result.Details.Count == 0 ? result.Message : $"{result.Message} ({string.Join("; ", result.Details)})");
    }

    private async Task SendAsync(SessionCommand command)
    {
        var result = await session.SendAsync(command).ConfigureAwait(false);
        if (!result.Succeeded)
            throw new InvalidOperationException(result.Message);
    }
}

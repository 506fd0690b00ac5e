using FleetTui.Core.Config;
using FleetTui.Core.Session;
using FleetTui.Core.Worktrees;
using FleetTui.Host.Protocol;

namespace FleetTui.Host.Remote;

/// <summary>
/// A remote host's fleet as the merge queue here uses it, over one connection (ssh, shared): its tasks as it knows them now,
/// and the few requests that tell it what happened here (merged, in review), run its gate, clean up or create a task.
/// Every request is the host protocol's own, so the remote fleet needs nothing new.
/// </summary>
public sealed class RemoteFleet(RemoteHostConnection connection) : IAsyncDisposable
{
    public RemoteHostConfig Host => connection.Host;

    /// <summary>The host's snapshot after it refreshed its tasks' status (commits, dirty files, gate).</summary>
    public async Task<SessionSnapshot> SnapshotAsync(CancellationToken cancellationToken)
    {
        await connection.Client.RequestAsync(new HostRequest.RefreshStatus(), cancellationToken: cancellationToken).ConfigureAwait(false);
        var state = await connection.Client.RequestAsync(new HostRequest.CurrentSnapshot(), cancellationToken: cancellationToken).ConfigureAwait(false);
        return state.Data is ReplyData.State { Body: var body } ? body.ToSnapshot(connection.Client.Snapshot.Config) : connection.Client.Snapshot;
    }

    /// <summary>The tasks that exist there (a task its fleet.toml only declares, never created, is not one).</summary>
    public static IEnumerable<TaskSnapshot> Existing(SessionSnapshot snapshot) =>
        snapshot.Tasks.Where(t => !(t.Origin == TaskOrigin.Config && t.Phase is TaskPhase.Pending or TaskPhase.Blocked));

    public Task<CommandResult> SetPhaseAsync(string task, TaskPhase phase, string note, CancellationToken cancellationToken) =>
        RequestAsync(new HostRequest.SetPhase(task, phase, note), cancellationToken);

    /// <summary>Runs the task's gate there, in its worktree, and waits for the result (recorded there as a local gate is).</summary>
    public Task<CommandResult> RunGateAsync(string task, CancellationToken cancellationToken) =>
        RequestAsync(new HostRequest.RunGate(task, Wait: true), cancellationToken);

    /// <summary>What removing the task's worktree and branch there would lose, as that host sees it.</summary>
    public async Task<WorktreeLoss?> DescribeLossAsync(string task, CancellationToken cancellationToken) =>
        (await connection.Client.RequestAsync(new HostRequest.DescribeLoss(task), cancellationToken: cancellationToken).ConfigureAwait(false)).Data
            is ReplyData.Loss { What: var loss } ? loss : null;

    /// <summary>Removes the task there if what it would lose is still exactly <paramref name="confirmed"/> (its agent stopped first).</summary>
    public Task<CommandResult> DestroyAsync(string task, WorktreeLoss confirmed, CancellationToken cancellationToken) =>
        RequestAsync(new HostRequest.DestroyTask(task, Force: false, ConfirmedLoss: confirmed, StopRunningAgent: true), cancellationToken);

    public Task<CommandResult> CreateAsync(string task, CancellationToken cancellationToken) =>
        RequestAsync(new HostRequest.CreateTask(task), cancellationToken);

    public Task<CommandResult> NewAsync(RemoteTaskDeclaration task, CancellationToken cancellationToken) =>
        RequestAsync(new HostRequest.NewTask(task.Name, task.Branch, task.Base, [], task.Agent, task.Ports), cancellationToken);

    /// <summary>
    /// The pid of the task's agent once it runs there, or null after <paramref name="timeout"/>. Whoever made the task waits
    /// for this before leaving: a host whose last client leaves with no agent running stops.
    /// </summary>
    public Task<int?> AgentPidAsync(string task, TimeSpan timeout, CancellationToken cancellationToken) =>
        RunningAgentPoll.PidAsync(async token => (await connection.Client.RequestAsync(new HostRequest.Status(), cancellationToken: token).ConfigureAwait(false)).Data
            is ReplyData.HostState { Status: var status } ? status : null, task, timeout, cancellationToken);

    private async Task<CommandResult> RequestAsync(HostRequest request, CancellationToken cancellationToken)
    {
        var reply = await connection.Client.RequestAsync(request, cancellationToken: cancellationToken).ConfigureAwait(false);
        return reply.Ok ? CommandResult.Ok(reply.Message, reply.Details) : CommandResult.Failed(reply.Message, reply.Details);
    }

    public ValueTask DisposeAsync() => connection.DisposeAsync();
}

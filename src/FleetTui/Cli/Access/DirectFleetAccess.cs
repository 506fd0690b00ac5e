using FleetTui.Core.Git;
using FleetTui.Core.Merging;
using FleetTui.Core.Session;
using FleetTui.Host.Protocol;
using FleetTui.Host.Server;

namespace FleetTui.Cli.Access;

/// <summary>
/// A session of the verb's own, opened while it holds the repository's host lock (no host runs meanwhile); its merges reach
/// the remote hosts' tasks through <paramref name="remote"/>, as a fleet host's do.
/// </summary>
public sealed class DirectFleetAccess(FleetSession session, HostLock hostLock, GitCli git, IRemoteMergeWork? remote = null) : IFleetAccess
{
    public bool ThroughHost => false;

    public SessionSnapshot Current => session.Current;

    public Task<CommandResult> SendAsync(SessionCommand command) => session.SendAsync(command);

    /// <summary>No host, so no agent of ours runs: nothing to stop.</summary>
    public Task<CommandResult> DestroyAsync(string task, bool force, bool stopAgent) =>
        session.SendAsync(new SessionCommand.DestroyTask(task, force));

    public async Task<MergePlanView> PlanMergeAsync(CancellationToken cancellationToken) =>
        MergePlanView.Of(await new SessionMerger(session, git).PlanAsync(cancellationToken).ConfigureAwait(false), session.Current.BaseBranch);

    public async Task<MergeReportView?> MergeAsync(IReadOnlyList<string>? only, Action<string> onStep, CancellationToken cancellationToken)
    {
        var merger = new SessionMerger(session, git, remote);
        var plan = await merger.PlanAsync(cancellationToken).ConfigureAwait(false);
        var report = await merger.RunAsync(plan, only?.ToHashSet(StringComparer.Ordinal), step => onStep(step.Message), cancellationToken).ConfigureAwait(false);
        return MergeReportView.Of(report);
    }

    public async Task<GateState?> RunGateAsync(string task, CancellationToken cancellationToken) =>
        await new SessionMerger(session, git).RunGateAsync(task, cancellationToken).ConfigureAwait(false);

    public async Task<Core.Review.TaskDiffText?> ReadDiffAsync(string task, CancellationToken cancellationToken) =>
        session.Current.FindTask(task) is { } snapshot
            ? await new Core.Review.TaskDiffReader(git).ReadAsync(session.Repository.Root, snapshot.Branch, snapshot.BaseBranch, cancellationToken).ConfigureAwait(false)
            : null;

    public async ValueTask DisposeAsync()
    {
        await session.DisposeAsync().ConfigureAwait(false);
        hostLock.Dispose();
    }
}

using FleetTui.Core.Session;
using FleetTui.Host.Protocol;

namespace FleetTui.Cli.Access;

/// <summary>
/// The fleet as a CLI verb reaches it: through the repository's running fleet host when there is one (so the host stays
/// the one writer, and sees the verb's changes at once), or else a session opened in this process while it holds the
/// host lock (so no host can start and write beside it meanwhile).
/// </summary>
public interface IFleetAccess : IAsyncDisposable
{
    /// <summary>True when a fleet host answers for the verb.</summary>
    bool ThroughHost { get; }

    /// <summary>The fleet now (after the last command's changes).</summary>
    SessionSnapshot Current { get; }

    Task<CommandResult> SendAsync(SessionCommand command);

    /// <summary>Removes a task's worktree; <paramref name="stopAgent"/> stops its running agent first, else a running agent refuses it.</summary>
    Task<CommandResult> DestroyAsync(string task, bool force, bool stopAgent);

    Task<MergePlanView> PlanMergeAsync(CancellationToken cancellationToken);

    /// <summary>Gates and merges (null: every ready task) in plan order; each step's message goes to <paramref name="onStep"/>.</summary>
    Task<MergeReportView?> MergeAsync(IReadOnlyList<string>? only, Action<string> onStep, CancellationToken cancellationToken);

    Task<GateState?> RunGateAsync(string task, CancellationToken cancellationToken);

    /// <summary>The task's committed work against its merge base, or null when its branch does not exist yet.</summary>
    Task<Core.Review.TaskDiffText?> ReadDiffAsync(string task, CancellationToken cancellationToken);
}

using FleetTui.Core.Agents;

namespace FleetTui.Core.Session;

/// <summary>Everything that may change the session, sent through <see cref="FleetSession.SendAsync"/>. A closed hierarchy.</summary>
public abstract record SessionCommand
{
    private protected SessionCommand() { }

    /// <summary>Create the worktree of a declared task (Pending), run its setup; completes when setup finished.</summary>
    public sealed record CreateTask(string Name) : SessionCommand;

    /// <summary>
    /// Declare a task outside fleet.toml (<c>fleet new</c>) and create its worktree. Null values take the defaults; null
    /// <paramref name="Ports"/> means the port names every fleet.toml task declares (what fleet-wide templates may use).
    /// </summary>
    /// <param name="Repos">Other repositories (<c>[repos.&lt;name&gt;]</c>) the task spans: a worktree in each, same branch name.</param>
    /// <param name="RepoBases">A base per repository in <paramref name="Repos"/> (a branch, or a task spanning it); default: that repository's.</param>
    public sealed record NewTask(
        string Name, string? Branch = null, string? Base = null, IReadOnlyList<string>? DependsOn = null, string? Agent = null,
        IReadOnlyList<string>? Ports = null, IReadOnlyList<string>? Repos = null, IReadOnlyDictionary<string, string>? RepoBases = null) : SessionCommand;

    /// <summary>
    /// Remove the task's worktree (and its branch when merged); refused naming the work that would be lost unless forced. The task's
    /// agent is stopped first, then what removal would lose is looked at again in the same step as the removal.
    /// </summary>
    /// <param name="ExpectedLoss">
    /// What the user confirmed losing (from <see cref="Worktrees.WorktreeManager.DescribeLossAsync"/>, e.g. in a confirmation dialog):
    /// the removal goes ahead only if that is still exactly what would be lost, and is refused naming what changed otherwise.
    /// Null: without <paramref name="Force"/>, nothing may be lost; with it, whatever is there is discarded. Commits are never lost:
    /// a forced removal keeps them under <c>refs/fleet/rescued/&lt;task&gt;/</c>.
    /// </param>
    public sealed record DestroyTask(string Name, bool Force = false, Worktrees.WorktreeLoss? ExpectedLoss = null) : SessionCommand;

    /// <summary>Re-read every worktree's branch status; cheap, meant to be sent once a second.</summary>
    public sealed record RefreshStatus : SessionCommand;

    public sealed record SetPhase(string Name, TaskPhase Phase, string? Note = null) : SessionCommand;

    public sealed record MarkDone(string Name) : SessionCommand;

    /// <summary>The user accepts the task's files outside its scope (lets it merge under <c>scope_enforcement = "block"</c>).</summary>
    public sealed record AcceptScope(string Name) : SessionCommand;

    public sealed record RecordGate(string Name, GateState Gate) : SessionCommand;

    /// <summary>A merge conflicted or was refused: the task goes to Review with the conflicting paths.</summary>
    public sealed record RecordReview(string Name, IReadOnlyList<string> Conflicts, string? Note = null) : SessionCommand;

    /// <summary>What the fleet host's service supervisor observed about one of a task's services (runtime only, not persisted).</summary>
    public sealed record UpdateService(string Name, ServiceState State) : SessionCommand;

    /// <summary>What the agent runner observed (runtime only, not persisted).</summary>
    public sealed record UpdateAgent(string Name, AgentState State) : SessionCommand;

    /// <summary>fleet.toml changed (already loaded and validated): tasks, agents, gates and setup follow the new file.</summary>
    public sealed record ReloadConfig(Config.FleetConfig Config) : SessionCommand;

    /// <summary>A merge of the task at <paramref name="Tip"/> starts: recorded in state.json until <see cref="EndMerge"/> (a journal).</summary>
    public sealed record BeginMerge(string Name, string Tip) : SessionCommand;

    /// <summary>The merge of the task and all it implied is done (or it did not happen): the journal entry goes.</summary>
    public sealed record EndMerge(string Name) : SessionCommand;

    /// <summary>
    /// A task fleet.toml declares on remote host <paramref name="Host"/> merged into this machine's base: recorded here as merged
    /// (so local dependents unblock, and ps, the sidebar and the next run know it). Its worktree and branch stay on its host.
    /// </summary>
    public sealed record RecordRemoteMerged(string Name, string Host, string Note) : SessionCommand;

    /// <summary>Remove worktrees and branches of merged tasks, forget Missing ones.</summary>
    public sealed record Prune : SessionCommand;

    /// <summary>More of what was recovered while opening (posted by the session to itself once the loop runs).</summary>
    internal sealed record AddRecoveryNotes(IReadOnlyList<string> Notes) : SessionCommand;

    /// <summary>A background worktree creation finished (posted by the session to itself).</summary>
    internal sealed record CreationFinished(string Name, Worktrees.CreatedWorktree? Created, Exception? Error, TaskCompletionSource<CommandResult> Reply)
        : SessionCommand;
}

using FleetTui.Core.Agents;
using FleetTui.Core.Worktrees;

namespace FleetTui.Core.Session;

/// <summary>One task as the session knows it right now.</summary>
public sealed record TaskSnapshot
{
    public required string Name { get; init; }

    public required string Branch { get; init; }

    /// <summary>The branch this task's worktree was (or will be) created from.</summary>
    public required string BaseBranch { get; init; }

    public IReadOnlyList<string> DependsOn { get; init; } = [];

    public required TaskPhase Phase { get; init; }

    /// <summary>Absolute worktree path (it may not exist yet while <see cref="TaskPhase.Blocked"/>).</summary>
    public required string WorktreePath { get; init; }

    public AgentState Agent { get; init; } = AgentState.NotStarted;

    /// <summary>Null until first read (or when the worktree does not exist).</summary>
    public BranchStatus? Status { get; init; }

    /// <summary>Allocated ports by name.</summary>
    public IReadOnlyDictionary<string, int> Ports { get; init; } = new Dictionary<string, int>();

    /// <summary>The task's database name (from <c>[setup] database</c>), or null.</summary>
    public string? Database { get; init; }

    public GateState Gate { get; init; } = GateState.NotRun;

    /// <summary>Paths in conflict when the task went to review.</summary>
    public IReadOnlyList<string> ReviewConflicts { get; init; } = [];

    /// <summary>A one-line human explanation of the phase (setup failure, review reason, what was recovered…).</summary>
    public string? Note { get; init; }

    /// <summary>When the task was created (UTC).</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>The agent preset name, or the command line when the task names its own argv.</summary>
    public string AgentName { get; init; } = "shell";

    /// <summary>Declared in fleet.toml, or added by <c>fleet new</c>.</summary>
    public TaskOrigin Origin { get; init; } = TaskOrigin.Config;

    /// <summary>The setup command's log (when setup ran).</summary>
    public string? SetupLog { get; init; }

    /// <summary>The task's declared scope globs (empty: anything goes).</summary>
    public IReadOnlyList<string> Scope { get; init; } = [];

    /// <summary>The user accepted the files changed outside <see cref="Scope"/>.</summary>
    public bool ScopeAccepted { get; init; }

    /// <summary>The task's services as the fleet host last reported them (<c>[services.&lt;name&gt;]</c>); empty when none ran.</summary>
    public IReadOnlyList<ServiceState> Services { get; init; } = [];

    /// <summary>The task's worktrees in the other repositories it spans (<c>repos</c>), in its order; empty for most tasks.</summary>
    public IReadOnlyList<TaskRepoSnapshot> Repos { get; init; } = [];

    /// <summary>The remote host fleet.toml declares the task on (<c>host = "…"</c>); null for a task of this machine.</summary>
    public string? Host { get; init; }

    /// <summary>The tip a merge run was merging when it was last seen (see <see cref="TaskState.MergingTip"/>); null when none is.</summary>
    public string? MergingTip { get; init; }
}

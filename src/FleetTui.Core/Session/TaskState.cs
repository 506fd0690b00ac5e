using FleetTui.Core.Worktrees;

namespace FleetTui.Core.Session;

/// <summary>What survives a restart about one task (one entry of state.json).</summary>
public sealed record TaskState
{
    public required string Name { get; init; }

    public required string Branch { get; init; }

    /// <summary>The base branch resolved when the worktree was created.</summary>
    public required string Base { get; init; }

    public TaskOrigin Origin { get; init; } = TaskOrigin.Config;

    public IReadOnlyList<string> DependsOn { get; init; } = [];

    /// <summary>Agent preset name for tasks added by <c>fleet new --agent</c>; null means the fleet's default.</summary>
    public string? Agent { get; init; }

    public required TaskPhase Phase { get; init; }

    /// <summary>Absolute path of the task's worktree in the main repository.</summary>
    public required string Worktree { get; init; }

    /// <summary>
    /// The task's worktrees in the fleet's other repositories (<c>[repos.&lt;name&gt;]</c> name → absolute path), each on
    /// <see cref="Branch"/>; empty for a task of this repository only.
    /// </summary>
    public IReadOnlyDictionary<string, string> RepoWorktrees { get; init; } = new Dictionary<string, string>();

    /// <summary>The base branch resolved in each of <see cref="RepoWorktrees"/>' repositories when they were created (name → branch).</summary>
    public IReadOnlyDictionary<string, string> RepoBases { get; init; } = new Dictionary<string, string>();

    /// <summary>The repositories a task added by <c>fleet new --repo</c> spans (fleet.toml tasks declare theirs in the file).</summary>
    public IReadOnlyList<string> RepoNames { get; init; } = [];

    /// <summary>The port names a task added by <c>fleet new</c> declares (fleet.toml tasks declare theirs in the file).</summary>
    public IReadOnlyList<string> PortNames { get; init; } = [];

    /// <summary>Ports by name; shared by all of the task's worktrees. Released (dropped) when the task is destroyed.</summary>
    public IReadOnlyDictionary<string, int> Ports { get; init; } = new Dictionary<string, int>();

    public string? Database { get; init; }

    public GateState Gate { get; init; } = GateState.NotRun;

    public IReadOnlyList<string> ReviewConflicts { get; init; } = [];

    /// <summary>The user accepted the files changed outside the task's scope (merge allowed under <c>scope_enforcement = "block"</c>).</summary>
    public bool ScopeAccepted { get; init; }

    public string? Note { get; init; }

    public string? SetupLog { get; init; }

    /// <summary>
    /// Set while a merge run merges this task (the tip being merged), cleared when all the merge implied is done. Still set when a
    /// session opens means the run was killed: the base containing this tip says whether the merge landed.
    /// </summary>
    public string? MergingTip { get; init; }

    /// <summary>The branch tip last seen by fleet; a different tip at the next start means it moved behind our back.</summary>
    public string? LastKnownTip { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>
    /// The remote host (<c>[hosts.&lt;name&gt;]</c>) a task fleet.toml declares there lives on; set only on the record this machine keeps
    /// once such a task merged into its base (<see cref="SessionCommand.RecordRemoteMerged"/>). It has no worktree or branch here.
    /// </summary>
    public string? Host { get; init; }

    /// <summary>A task whose worktree exists (or should): everything but declared-only and merged-and-gone tasks.</summary>
    public bool HasWorktree => Phase is TaskPhase.SettingUp or TaskPhase.SetupFailed or TaskPhase.Active or TaskPhase.Done or TaskPhase.Review;
}

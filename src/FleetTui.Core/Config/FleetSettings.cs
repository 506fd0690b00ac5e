namespace FleetTui.Core.Config;

/// <summary>The <c>[fleet]</c> table: fleet-wide defaults.</summary>
public sealed record FleetSettings
{
    /// <summary>Base branch; null means "the repository's current branch", resolved at run time.</summary>
    public string? Base { get; init; }

    /// <summary>Where <see cref="Base"/> was written (checked against the repository when a session opens); null when not from a file.</summary>
    public SourcePosition? BasePosition { get; init; }

    /// <summary>Worktree path template; null means <c>../{repo}.worktrees/{task}</c> relative to the repo root.</summary>
    public string? Worktrees { get; init; }

    /// <summary>Where <see cref="Worktrees"/> was written; null when not from a file.</summary>
    public SourcePosition? WorktreesPosition { get; init; }

    /// <summary>Default agent for tasks that name none (a preset name).</summary>
    public AgentRef Agent { get; init; } = AgentRef.Preset("shell");

    /// <summary>Default gate command (run through <c>sh -c</c> in the task's worktree), or null for none.</summary>
    public string? Gate { get; init; }

    public TimeSpan GateTimeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Run the gate on the merged result before the base moves.</summary>
    public bool GateAfterMerge { get; init; }

    /// <summary>Approving a task in review merges it at once when it is ready (gate first), instead of only marking it done.</summary>
    public bool MergeOnApprove { get; init; }

    public CleanupPolicy Cleanup { get; init; } = CleanupPolicy.OnMerge;

    public ScopeEnforcement ScopeEnforcement { get; init; } = ScopeEnforcement.Warn;

    /// <summary>Fast-forward the base when possible instead of always creating a merge commit.</summary>
    public bool FastForward { get; init; }

    /// <summary>A fleet-wide context file handed to every agent (seed workflow), relative to the repo root.</summary>
    public string? Context { get; init; }

    /// <summary>Range ports are allocated from (inclusive).</summary>
    public PortRange Ports { get; init; } = new(41000, 41999);

    /// <summary>Extra environment for every task (templates allowed).</summary>
    public IReadOnlyDictionary<string, string> Env { get; init; } = new Dictionary<string, string>();
}

public readonly record struct PortRange(int First, int Last);

public enum CleanupPolicy { OnMerge, Never }

public enum ScopeEnforcement { Off, Warn, Block }

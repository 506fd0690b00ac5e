using FleetTui.Core.Worktrees;

namespace FleetTui.Core.Session;

/// <summary>A task's worktree in another repository it spans, as the session knows it right now.</summary>
public sealed record TaskRepoSnapshot
{
    /// <summary>The <c>[repos.&lt;name&gt;]</c> name.</summary>
    public required string Name { get; init; }

    /// <summary>Absolute path of the task's worktree there (it may not exist yet while the task is pending).</summary>
    public required string WorktreePath { get; init; }

    /// <summary>The branch the worktree there was (or will be) created from, and merges into.</summary>
    public required string BaseBranch { get; init; }

    /// <summary>Null until first read (or when the worktree does not exist).</summary>
    public BranchStatus? Status { get; init; }
}

namespace FleetTui.Core.Worktrees;

/// <summary>One entry of <c>git worktree list --porcelain</c>.</summary>
public sealed record WorktreeInfo
{
    public required string Path { get; init; }

    /// <summary>The checked-out commit (null for a bare entry).</summary>
    public string? Head { get; init; }

    /// <summary>Short branch name, or null when detached.</summary>
    public string? Branch { get; init; }

    public bool IsBare { get; init; }

    public bool IsDetached { get; init; }

    public bool IsLocked { get; init; }

    /// <summary>Git considers the entry stale (its folder is gone).</summary>
    public bool IsPrunable { get; init; }
}

namespace FleetTui.Core.Worktrees;

/// <summary>A task branch measured against its base, read cheaply (libgit2) once a second.</summary>
public sealed record BranchStatus
{
    public required int Ahead { get; init; }

    public required int Behind { get; init; }

    /// <summary>Number of paths with uncommitted changes (staged, unstaged or untracked).</summary>
    public required int Uncommitted { get; init; }

    public CommitInfo? LastCommit { get; init; }

    /// <summary>Files changed versus the base that fall outside the task's declared scope.</summary>
    public IReadOnlyList<string> OutOfScope { get; init; } = [];
}

public sealed record CommitInfo(string Sha, string Subject, DateTimeOffset When);

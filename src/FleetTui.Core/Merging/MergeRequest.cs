namespace FleetTui.Core.Merging;

/// <summary>Merge one task's branch into the base branch.</summary>
public sealed record MergeRequest
{
    public required string Task { get; init; }

    public required string Branch { get; init; }

    /// <summary>
    /// The ref holding the task's work when it is not the local branch <see cref="Branch"/>: a remote host's task, fetched
    /// to <c>refs/remotes/fleet-&lt;host&gt;/&lt;branch&gt;</c>. Null: <c>refs/heads/&lt;Branch&gt;</c>.
    /// </summary>
    public string? TipRef { get; init; }

    public required string BaseBranch { get; init; }

    /// <summary>Move the base to the task's tip when the base has not moved since the task branched (no merge commit).</summary>
    public bool FastForward { get; init; }

    /// <summary>When set, this gate runs on the merged result (in a temporary detached worktree) before the base moves.</summary>
    public GateRequest? GateOnMergedResult { get; init; }
}

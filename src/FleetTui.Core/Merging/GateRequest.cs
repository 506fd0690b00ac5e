namespace FleetTui.Core.Merging;

/// <summary>One gate run to do: the user's command, where, for how long, with which of our values.</summary>
public sealed record GateRequest
{
    public required string Task { get; init; }

    /// <summary>The gate as the user wrote it (run through <c>sh -c</c>); null or blank means the task has no gate.</summary>
    public required string? Command { get; init; }

    /// <summary>The task's worktree (or a temporary checkout of a merge result).</summary>
    public required string WorkingDirectory { get; init; }

    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Our values (FLEET_TASK, FLEET_BRANCH, ports…), handed to the command as environment variables.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>The commit being checked, recorded in the result so a later tip is not taken as gated.</summary>
    public string? Commit { get; init; }

    /// <summary>What is checked, for the log's first line ("task worktree", "merge result").</summary>
    public string Subject { get; init; } = "task worktree";
}

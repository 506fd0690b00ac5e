using FleetTui.Core.Session;

namespace FleetTui.Core.Merging;

/// <summary>What the planner needs to know about one task, gathered by the session (or the CLI) from git and state.</summary>
public sealed record TaskMergeFacts
{
    public required string Name { get; init; }

    public string Branch { get; init; } = "";

    /// <summary>How steps and reasons name it: <c>task@host</c> for a task fleet.toml declares on a remote host, else its name.</summary>
    public string Label => Host is null ? Name : $"{Name}@{Host}";

    /// <summary>The remote host fleet.toml declares it on; null for a task of this machine.</summary>
    public string? Host { get; init; }

    /// <summary>The task's worktree; null while it has none (a blocked dependent).</summary>
    public string? WorktreePath { get; init; }

    public IReadOnlyList<string> DependsOn { get; init; } = [];

    public TaskPhase Phase { get; init; } = TaskPhase.Active;

    /// <summary>The agent has exited, is not running (CLI view), or the user marked the task done.</summary>
    public bool AgentFinished { get; init; }

    /// <summary>Commits on the task's branch that its base does not have.</summary>
    /// <summary>Whether the agent settled with work a human should look at (idle, clean, with commits); see <see cref="Review.ReviewReadiness"/>.</summary>
    public Review.ReviewState Review { get; init; }

    public int Ahead { get; init; }

    /// <summary>Paths with uncommitted changes in the task's worktree.</summary>
    public int Uncommitted { get; init; }

    /// <summary>The branch tip the facts were read at.</summary>
    public string? Tip { get; init; }

    public GateState Gate { get; init; } = GateState.NotRun;

    /// <summary>Files changed versus the base outside the task's scope.</summary>
    public IReadOnlyList<string> OutOfScope { get; init; } = [];

    /// <summary>The user accepted the out-of-scope changes (only matters with <c>scope_enforcement = "block"</c>).</summary>
    public bool ScopeAccepted { get; init; }

    /// <summary>Conflicting paths recorded when the task went to review.</summary>
    public IReadOnlyList<string> ReviewConflicts { get; init; } = [];

    /// <summary>Why the task is in review when it is not a conflict (a failed gate on the merge result, a refusal).</summary>
    public string? ReviewNote { get; init; }

    /// <summary>The other repositories the task spans: its branch there merges with it, all or nothing (<see cref="CrossRepoMerge"/>).</summary>
    public IReadOnlyList<RepoMergeTarget> Repos { get; init; } = [];

    /// <summary>When the task became ready (agent finished, or marked done); orders independent tasks.</summary>
    public DateTimeOffset? ReadySince { get; init; }

    /// <summary>The last gate counts only if it checked the current tip (or did not record which commit it checked).</summary>
    public bool GateFailedOnTip =>
        Gate.Outcome is GateOutcome.Failed or GateOutcome.TimedOut && (Gate.Commit is null || Tip is null || Gate.Commit == Tip);

    /// <summary>
    /// The facts of a session task. Dependencies are <c>depends_on</c> plus the task it stacks on (its base is another task's branch).
    /// A task whose agent is not running counts as finished (from the CLI nothing runs), as does one marked done.
    /// </summary>
    public static TaskMergeFacts From(TaskSnapshot task, IReadOnlyList<TaskSnapshot> all)
    {
        var stackedOn = all.FirstOrDefault(t => t.Name != task.Name && t.Branch == task.BaseBranch)?.Name;
        // The agent said it finished (a hook: `fleet signal done`) while it keeps running at its prompt: that counts too.
        var finished = !task.Agent.IsRunning || task.Agent.Done || task.Phase == TaskPhase.Done;
        return new TaskMergeFacts
        {
            Name = task.Name,
            Branch = task.Branch,
            Host = task.Host,
            WorktreePath = Directory.Exists(task.WorktreePath) ? task.WorktreePath : null,
            DependsOn = stackedOn is null || task.DependsOn.Contains(stackedOn) ? task.DependsOn : [.. task.DependsOn, stackedOn],
            Phase = task.Phase,
            AgentFinished = finished,
            Review = FleetTui.Core.Review.ReviewReadiness.Of(task),
            // Ready only when ready in every repository: commits anywhere count, uncommitted work anywhere holds it back.
            Ahead = (task.Status?.Ahead ?? 0) + task.Repos.Sum(r => r.Status?.Ahead ?? 0),
            Uncommitted = (task.Status?.Uncommitted ?? 0) + task.Repos.Sum(r => r.Status?.Uncommitted ?? 0),
            Repos = [.. task.Repos.Select(r => new RepoMergeTarget(r.Name, r.BaseBranch))],
            Tip = task.Status?.LastCommit?.Sha,
            Gate = task.Gate,
            OutOfScope = task.Status?.OutOfScope ?? [],
            ScopeAccepted = task.ScopeAccepted,
            ReviewConflicts = task.ReviewConflicts,
            ReviewNote = task.Phase == TaskPhase.Review ? task.Note : null,
            // The session does not record when an agent exited; the last commit is the best proxy for "became ready".
            ReadySince = finished ? task.Status?.LastCommit?.When : null,
        };
    }
}

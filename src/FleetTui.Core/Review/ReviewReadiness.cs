using FleetTui.Core.Agents;
using FleetTui.Core.Session;

namespace FleetTui.Core.Review;

/// <summary>
/// Whether a task's work waits for a human's review: its agent has settled (idle, or exited), its branch has commits of
/// its own and its worktree is clean. An agent that settled with uncommitted changes is asked to commit first; one with
/// no commits has nothing to review. Pure: sidebar, merge panel and CLI say the same.
/// </summary>
public static class ReviewReadiness
{
    public static ReviewState Of(TaskSnapshot task)
    {
        if (task.Phase != TaskPhase.Active || task.Agent.Activity is not (AgentActivity.Idle or AgentActivity.Exited))
            return ReviewState.NotSettled;
        if (task.Status is not { } status)
            return ReviewState.NotSettled;
        if (status.Uncommitted > 0)
            return ReviewState.UncommittedChanges;
        return status.Ahead > 0 ? ReviewState.ReadyForReview : ReviewState.NoCommits;
    }
}

public enum ReviewState
{
    /// <summary>The agent works, waits, or the task is not in flight: nothing to say about review.</summary>
    NotSettled,
    /// <summary>Settled, clean, with commits: a human should look.</summary>
    ReadyForReview,
    /// <summary>Settled with uncommitted changes: ask the agent to commit.</summary>
    UncommittedChanges,
    /// <summary>Settled with nothing committed: nothing to review.</summary>
    NoCommits,
}

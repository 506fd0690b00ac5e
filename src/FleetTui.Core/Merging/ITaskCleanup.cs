namespace FleetTui.Core.Merging;

/// <summary>Removes a merged task's worktree and branch (cleanup = "on-merge"). Must refuse, not force, when the worktree has uncommitted work.</summary>
public interface ITaskCleanup
{
    Task<CleanupResult> RemoveMergedAsync(TaskMergeFacts task, CancellationToken cancellationToken);
}

public sealed record CleanupResult(bool Removed, string Message);

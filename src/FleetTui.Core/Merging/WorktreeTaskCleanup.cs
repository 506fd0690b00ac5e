using FleetTui.Core.Worktrees;

namespace FleetTui.Core.Merging;

/// <summary>
/// Cleanup without a session (tests, scripts): the engine's <see cref="WorktreeManager.DestroyAsync"/> without force, which refuses a
/// worktree with uncommitted work (<c>git worktree remove</c>, never Prune) and deletes the branch only when it is merged into the base.
/// In the app the session does it (<see cref="SessionMergeHost"/>), so ports are released too.
/// </summary>
public sealed class WorktreeTaskCleanup(WorktreeManager worktrees, string baseBranch) : ITaskCleanup
{
    public async Task<CleanupResult> RemoveMergedAsync(TaskMergeFacts task, CancellationToken cancellationToken)
    {
        if (task.WorktreePath is null)
            return new CleanupResult(false, "no worktree to remove");
        try
        {
            var branchDeleted = (await worktrees.DestroyAsync(task.Name, task.WorktreePath, task.Branch, baseBranch, force: false, cancellationToken).ConfigureAwait(false))
                .BranchDeleted;
            return new CleanupResult(true, $"removed worktree {task.WorktreePath}{(branchDeleted ? " and branch " + task.Branch : "")}");
        }
        catch (WorktreeException refused)
        {
            return new CleanupResult(false, $"kept worktree {task.WorktreePath}: {refused.Message.Replace('\n', ' ')}");
        }
    }
}

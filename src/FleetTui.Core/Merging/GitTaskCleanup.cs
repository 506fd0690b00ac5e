namespace FleetTui.Core.Merging;

/// <summary>
/// The git CLI way to clean up after a merge: <c>git worktree remove</c> (which refuses a dirty worktree; never Prune, which
/// deletes it) and then the branch, deleted only if it still points where it was merged from (compare-and-swap).
/// </summary>
public sealed class GitTaskCleanup(string repoPath) : ITaskCleanup
{
    public async Task<CleanupResult> RemoveMergedAsync(TaskMergeFacts task, CancellationToken cancellationToken)
    {
        if (task.WorktreePath is { } path && Directory.Exists(path))
        {
            var remove = await GitCommand.RunAsync(repoPath, ["worktree", "remove", path], cancellationToken).ConfigureAwait(false);
            if (remove.ExitCode != 0)
                return new CleanupResult(false, $"kept worktree {path}: {remove.StandardError.Trim()}");
        }
        if (task.Tip is null)
            return new CleanupResult(true, $"removed worktree {task.WorktreePath}");
        var delete = await GitCommand.RunAsync(repoPath, ["update-ref", "-d", "refs/heads/" + task.Branch, task.Tip], cancellationToken).ConfigureAwait(false);
        return delete.ExitCode == 0
            ? new CleanupResult(true, $"removed worktree {task.WorktreePath} and branch {task.Branch}")
            : new CleanupResult(false, $"kept branch {task.Branch}: it moved after the merge ({delete.StandardError.Trim()})");
    }
}

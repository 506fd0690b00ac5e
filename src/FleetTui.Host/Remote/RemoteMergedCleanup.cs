using FleetTui.Core.Git;
using FleetTui.Core.Merging;

namespace FleetTui.Host.Remote;

/// <summary>
/// <c>cleanup = "on-merge"</c> for a task that lives on a remote host and just merged here: its worktree and branch there are
/// removed only when all they would lose is commits this machine's base now has (the branch's tip there is the one that merged,
/// or an ancestor of it). Anything else (uncommitted or ignored files, a commit made there after the fetch, a commit only its
/// reflog reaches) keeps them, as a local task's cleanup would. The remote fleet checks again after stopping the agent and
/// refuses if that changed, so a commit made meanwhile is never lost.
/// </summary>
public static class RemoteMergedCleanup
{
    /// <summary>
    /// What removing the task there would lose when that is only commits this machine's base has (to confirm to its host), or
    /// why it is kept. Asked before the task is marked merged there (its host describes the loss of a task with a worktree only).
    /// </summary>
    public static async Task<(Core.Worktrees.WorktreeLoss? Removable, string? Kept)> CheckAsync(
        RemoteFleet fleet, string task, GitCli git, string localRoot, string baseBranch, CancellationToken cancellationToken)
    {
        var on = $"on host '{fleet.Host.Name}'";
        if (await fleet.DescribeLossAsync(task, cancellationToken).ConfigureAwait(false) is not { } loss)
            return (null, $"kept its worktree {on}: that host could not say what removing it would lose");
        if (loss.UncommittedPaths.Count > 0 || loss.IgnoredPaths.Count > 0 || loss.ReflogOnlyCommits.Count > 0)
            return (null, $"kept its worktree {on}: {string.Join("; ", loss.Lines.Take(3))}");
        foreach (var commit in loss.UnmergedCommits)
        {
            var inBase = await git.TryRunAsync(localRoot, ["merge-base", "--is-ancestor", commit.Sha, "refs/heads/" + baseBranch], cancellationToken)
                .ConfigureAwait(false);
            if (!inBase.Succeeded)
                return (null, $"kept its worktree {on}: its branch there has {commit}, which did not merge here");
        }
        return (loss, null);
    }

    /// <summary>Removes it there, its agent stopped first, if what it would lose is still exactly <paramref name="removable"/>.</summary>
    public static async Task<CleanupResult> RemoveAsync(RemoteFleet fleet, string task, Core.Worktrees.WorktreeLoss removable, CancellationToken cancellationToken)
    {
        var on = $"on host '{fleet.Host.Name}'";
        var removed = await fleet.DestroyAsync(task, removable, cancellationToken).ConfigureAwait(false);
        return removed.Succeeded
            ? new CleanupResult(true, $"removed its worktree and branch {on} ({removed.Message})")
            : new CleanupResult(false, $"kept its worktree {on}: {removed.Message}{(removed.Details.Count > 0 ? $" ({string.Join("; ", removed.Details)})" : "")}");
    }
}

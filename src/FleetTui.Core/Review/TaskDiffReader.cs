using FleetTui.Core.Git;

namespace FleetTui.Core.Review;

/// <summary>
/// A task's work as a reviewer reads it: its branch against the point where it left its base (the merge base), so work
/// merged into the base meanwhile does not show as the task's. Committed work only: uncommitted changes are the agent's
/// to commit first (the sidebar says so).
/// </summary>
public sealed class TaskDiffReader(GitCli git)
{
    /// <summary>The unified diff text (renames found), or null when the branch or its base does not exist.</summary>
    public async Task<TaskDiffText?> ReadAsync(string repositoryRoot, string branch, string baseBranch, CancellationToken cancellationToken = default)
    {
        var mergeBase = await git.TryRunAsync(repositoryRoot, ["merge-base", baseBranch, branch], cancellationToken).ConfigureAwait(false);
        if (!mergeBase.Succeeded)
            return null;
        var from = mergeBase.StandardOutput.Trim();
        var diff = await git.RunAsync(repositoryRoot,
            ["diff", "--no-color", "--no-ext-diff", "--find-renames", "--unified=3", from, branch, "--"], cancellationToken).ConfigureAwait(false);
        return new TaskDiffText(branch, baseBranch, from, diff);
    }
}

/// <summary>A task's diff as git printed it, and what it was taken between.</summary>
public sealed record TaskDiffText(string Branch, string BaseBranch, string MergeBase, string Text);

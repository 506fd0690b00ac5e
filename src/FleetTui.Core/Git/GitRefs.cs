namespace FleetTui.Core.Git;

/// <summary>Small ref questions asked through the git CLI (exact git semantics, no libgit2 handle needed).</summary>
public static class GitRefs
{
    public static async Task<bool> BranchExistsAsync(this GitCli git, string repoDir, string branch, CancellationToken cancellationToken = default) =>
        (await git.TryRunAsync(repoDir, ["rev-parse", "--verify", "--quiet", $"refs/heads/{branch}"], cancellationToken).ConfigureAwait(false)).Succeeded;

    /// <summary>The full sha <paramref name="revision"/> names, or null when it names no commit.</summary>
    public static async Task<string?> ResolveCommitAsync(this GitCli git, string repoDir, string revision, CancellationToken cancellationToken = default)
    {
        var result = await git.TryRunAsync(repoDir, ["rev-parse", "--verify", "--quiet", "--end-of-options", $"{revision}^{{commit}}"], cancellationToken)
            .ConfigureAwait(false);
        return result.Succeeded ? result.StandardOutput.Trim() : null;
    }

    /// <summary>True when every commit of <paramref name="branch"/> is already in <paramref name="baseRef"/>.</summary>
    public static async Task<bool> IsMergedIntoAsync(this GitCli git, string repoDir, string branch, string baseRef, CancellationToken cancellationToken = default)
    {
        var result = await git.TryRunAsync(repoDir, ["merge-base", "--is-ancestor", $"refs/heads/{branch}", baseRef], cancellationToken).ConfigureAwait(false);
        return result.ExitCode switch
        {
            0 => true,
            1 => false,
            _ => throw new GitException(result),
        };
    }

    /// <summary>Whether git accepts <paramref name="branch"/> as a branch name (<c>git check-ref-format --branch</c>).</summary>
    public static async Task<bool> IsValidBranchNameAsync(this GitCli git, string repoDir, string branch, CancellationToken cancellationToken = default) =>
        !branch.StartsWith('-') &&
        (await git.TryRunAsync(repoDir, ["check-ref-format", "--branch", branch], cancellationToken).ConfigureAwait(false)).Succeeded;
}

using FleetTui.Core.Agents;
using FleetTui.Core.Git;

namespace FleetTui.Core.Worktrees;

/// <summary>Asks git what removing a worktree and deleting its branch would lose (see <see cref="WorktreeLoss"/>).</summary>
internal sealed class WorktreeLossReader(GitCli git, RepositoryFacts repository, WorktreeManager worktrees)
{
    /// <summary>Paths fleet itself writes into worktrees besides [setup]'s: the agent's ticket and the Claude hooks file.</summary>
    public static readonly IReadOnlyList<string> FleetWrittenPaths = [Path.GetDirectoryName(AgentLaunchPlanner.TicketFileName)!, ClaudeHooksInstaller.SettingsFile];

    /// <param name="ours">Relative paths fleet put there (never counted): [setup] copies and links.</param>
    public async Task<WorktreeLoss> ReadAsync(string path, string branch, string baseRef, IReadOnlyCollection<string> ours, CancellationToken cancellationToken)
    {
        var root = repository.Root;
        var folderExists = Directory.Exists(path);
        var branchExists = await git.BranchExistsAsync(root, branch, cancellationToken).ConfigureAwait(false);
        var owned = ours.Concat(FleetWrittenPaths).Select(p => p.Replace('\\', '/').TrimEnd('/')).ToList();
        bool Ours(string relative) => owned.Any(o => relative.TrimEnd('/') == o || relative.StartsWith(o + "/", StringComparison.Ordinal));

        var uncommitted = folderExists ? (await worktrees.UncommittedPathsAsync(path, cancellationToken).ConfigureAwait(false)).Where(p => !Ours(p)).ToList() : [];
        var ignored = folderExists ? (await IgnoredPathsAsync(path, cancellationToken).ConfigureAwait(false)).Where(p => !Ours(p)).ToList() : [];
        var unmerged = branchExists
            ? LostCommit.ParseLog(await git.RunAsync(root, ["log", LostCommit.LogFormat, $"{baseRef}..refs/heads/{branch}", "--"], cancellationToken).ConfigureAwait(false))
            : [];
        var reflogOnly = await ReflogOnlyCommitsAsync(path, branch, cancellationToken).ConfigureAwait(false);
        return new WorktreeLoss(uncommitted, unmerged, reflogOnly, ignored);
    }

    /// <summary>Ignored files and folders (a folder matching a pattern is one entry, <c>node_modules/</c>), as git status lists them.</summary>
    private async Task<IReadOnlyList<string>> IgnoredPathsAsync(string worktree, CancellationToken cancellationToken)
    {
        var output = await git.RunAsync(worktree, ["status", "--porcelain=v1", "-z", "--ignored=matching", "--untracked-files=all"], cancellationToken)
            .ConfigureAwait(false);
        return output.Split('\0', StringSplitOptions.RemoveEmptyEntries).Where(e => e.StartsWith("!! ", StringComparison.Ordinal)).Select(e => e[3..]).ToList();
    }

    /// <summary>
    /// Commits the worktree's HEAD reflog or the branch's reflog names (and what they reach) that no ref and no other worktree's HEAD
    /// reaches: exactly what <c>git worktree remove</c> and <c>git branch -D</c> would leave unreachable.
    /// </summary>
    /// <param name="branch">The branch whose reflog dies too (deleted with the worktree), or null when only the worktree goes.</param>
    public async Task<IReadOnlyList<LostCommit>> ReflogOnlyCommitsAsync(string path, string? branch, CancellationToken cancellationToken)
    {
        var candidates = WorktreeReflog.CommitsNamed(repository.CommonDir, path, branch);
        if (candidates.Count == 0)
            return [];
        var otherHeads = (await worktrees.ListAsync(cancellationToken).ConfigureAwait(false))
            .Where(w => !SamePath(w.Path, path) && w.Head is { Length: > 0 })
            .Select(w => "^" + w.Head);
        var input = string.Join('\n', candidates.Concat(otherHeads)) + "\n";
        // --ignore-missing: a reflog may name commits gc already pruned. The task branch is a ref, so its own commits are
        // excluded here (they are the "unmerged" ones).
        var result = await git.TryRunWithInputAsync(repository.Root,
            ["log", "--ignore-missing", LostCommit.LogFormat, "--stdin", "--not", "--all"], input, cancellationToken).ConfigureAwait(false);
        return result.Succeeded ? LostCommit.ParseLog(result.StandardOutput) : throw new GitException(result);
    }

    private static bool SamePath(string a, string b) =>
        string.Equals(Path.TrimEndingDirectorySeparator(a), Path.TrimEndingDirectorySeparator(b), StringComparison.Ordinal);
}

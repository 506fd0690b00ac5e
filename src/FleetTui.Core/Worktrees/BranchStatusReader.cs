using LibGit2Sharp;

namespace FleetTui.Core.Worktrees;

/// <summary>
/// Reads <see cref="BranchStatus"/> for task worktrees through libgit2, cheap enough to refresh 30 tasks every second:
/// each worktree's <see cref="Repository"/> is opened once and reused, status skips ignored files and rename detection, and
/// the (comparatively costly) tree diff for the out-of-scope check is recomputed only when the branch tip or the base moved.
/// Not thread-safe: the session's single writer loop owns it.
/// </summary>
public sealed class BranchStatusReader : IDisposable
{
    private static readonly StatusOptions FastStatus = new()
    {
        IncludeIgnored = false,
        IncludeUntracked = true,
        // Count every untracked file (like `git status -uall`), matching what a refused destroy lists.
        RecurseUntrackedDirs = true,
        DetectRenamesInIndex = false,
        DetectRenamesInWorkDir = false,
        ExcludeSubmodules = true,
        IncludeUnaltered = false,
        DisablePathSpecMatch = true,
    };

    private readonly Dictionary<string, Repository> _repositories = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string Tip, string Base, IReadOnlyList<string> Changed)> _committedChanges = new(StringComparer.Ordinal);

    /// <summary>
    /// Status of the branch checked out at <paramref name="worktreePath"/> against <paramref name="baseRef"/> (a branch name or any revision).
    /// </summary>
    public BranchStatus Read(string worktreePath, string baseRef, ScopeMatcher scope)
    {
        var repository = Open(worktreePath);
        var tip = repository.Head.Tip;
        var baseCommit = ResolveBase(repository, baseRef);
        var ahead = 0;
        var behind = 0;
        IReadOnlyList<string> committed = [];
        if (tip is not null && baseCommit is not null)
        {
            var divergence = repository.ObjectDatabase.CalculateHistoryDivergence(tip, baseCommit);
            ahead = divergence.AheadBy ?? 0;
            behind = divergence.BehindBy ?? 0;
            committed = scope.IsUnrestricted ? [] : CommittedChanges(worktreePath, repository, tip, baseCommit, divergence.CommonAncestor);
        }

        var status = repository.RetrieveStatus(FastStatus);
        var uncommitted = new List<string>();
        foreach (var entry in status)
        {
            if (entry.State is not (FileStatus.Ignored or FileStatus.Unaltered))
                uncommitted.Add(entry.FilePath);
        }

        var outOfScope = scope.IsUnrestricted
            ? []
            : committed.Concat(uncommitted).Where(p => !scope.Contains(p)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return new BranchStatus
        {
            Ahead = ahead,
            Behind = behind,
            Uncommitted = uncommitted.Count,
            LastCommit = tip is null ? null : new CommitInfo(tip.Sha, tip.MessageShort, tip.Committer.When),
            OutOfScope = outOfScope,
        };
    }

    /// <summary>Closes the handle of a worktree that is going away (before it is removed).</summary>
    public void Forget(string worktreePath)
    {
        if (_repositories.Remove(worktreePath, out var repository))
            repository.Dispose();
        _committedChanges.Remove(worktreePath);
    }

    public void Dispose()
    {
        foreach (var repository in _repositories.Values)
            repository.Dispose();
        _repositories.Clear();
        _committedChanges.Clear();
    }

    private Repository Open(string worktreePath)
    {
        if (!_repositories.TryGetValue(worktreePath, out var repository))
        {
            repository = new Repository(worktreePath);
            _repositories[worktreePath] = repository;
        }

        return repository;
    }

    private static Commit? ResolveBase(Repository repository, string baseRef) =>
        repository.Branches[baseRef]?.Tip ?? repository.Lookup<Commit>(baseRef);

    private IReadOnlyList<string> CommittedChanges(string worktreePath, Repository repository, Commit tip, Commit baseCommit, Commit? mergeBase)
    {
        if (_committedChanges.TryGetValue(worktreePath, out var cached) && cached.Tip == tip.Sha && cached.Base == baseCommit.Sha)
            return cached.Changed;
        IReadOnlyList<string> changed = mergeBase is null || mergeBase.Sha == tip.Sha
            ? []
            : repository.Diff.Compare<TreeChanges>(mergeBase.Tree, tip.Tree).Select(c => c.Path).ToList();
        _committedChanges[worktreePath] = (tip.Sha, baseCommit.Sha, changed);
        return changed;
    }
}

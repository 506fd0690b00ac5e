using LibGit2Sharp;

namespace FleetTui.Core.Worktrees;

/// <summary>
/// Reads <see cref="BranchStatus"/> for task worktrees through libgit2, cheap enough to refresh 30 tasks every second:
/// each worktree's <see cref="Repository"/> is opened once and reused; the working-tree scan (the costly part: a stat of every
/// tracked file) runs only when a <see cref="WorktreeChangeWatcher"/> saw a change, the branch tip or base moved, or
/// <see cref="FullRescanInterval"/> passed (a safety net for changes inotify cannot see, e.g. the index in the common dir);
/// the scan itself skips ignored files and rename detection; the tree diff for the out-of-scope check is recomputed only when
/// the tip or the base moved. Not thread-safe: the session's single writer loop owns it.
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
    private readonly Dictionary<string, WatchedScan> _scans = new(StringComparer.Ordinal);
    private readonly bool _watch;

    /// <param name="watch">Skip the working-tree scan of worktrees with no file change (false: scan on every read).</param>
    public BranchStatusReader(bool watch = true, TimeSpan? fullRescanInterval = null)
    {
        _watch = watch;
        FullRescanInterval = fullRescanInterval ?? TimeSpan.FromSeconds(10);
    }

    public TimeSpan FullRescanInterval { get; }

    private sealed class WatchedScan(WorktreeChangeWatcher? watcher) : IDisposable
    {
        public WorktreeChangeWatcher? Watcher { get; } = watcher;
        public string? Tip { get; set; }
        public long ScannedAt { get; set; }
        public IReadOnlyList<string> Uncommitted { get; set; } = [];

        public void Dispose() => Watcher?.Dispose();
    }

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

        var uncommitted = UncommittedPaths(worktreePath, repository, tip?.Sha);

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
        if (_scans.Remove(worktreePath, out var scan))
            scan.Dispose();
        _committedChanges.Remove(worktreePath);
    }

    public void Dispose()
    {
        foreach (var repository in _repositories.Values)
            repository.Dispose();
        foreach (var scan in _scans.Values)
            scan.Dispose();
        _repositories.Clear();
        _scans.Clear();
        _committedChanges.Clear();
    }

    private IReadOnlyList<string> UncommittedPaths(string worktreePath, Repository repository, string? tip)
    {
        if (!_scans.TryGetValue(worktreePath, out var scan))
        {
            scan = new WatchedScan(_watch ? new WorktreeChangeWatcher(worktreePath) : null);
            _scans[worktreePath] = scan;
        }

        var now = Environment.TickCount64;
        var changed = scan.Watcher?.TakeChanged() ?? true;
        if (!changed && scan.Tip == tip && now - scan.ScannedAt < FullRescanInterval.TotalMilliseconds)
            return scan.Uncommitted;

        var uncommitted = new List<string>();
        foreach (var entry in repository.RetrieveStatus(FastStatus))
        {
            if (entry.State is not (FileStatus.Ignored or FileStatus.Unaltered))
                uncommitted.Add(entry.FilePath);
        }

        scan.Tip = tip;
        scan.ScannedAt = now;
        scan.Uncommitted = uncommitted;
        return uncommitted;
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

using LibGit2Sharp;

namespace FleetTui.Core.Worktrees;

/// <summary>
/// Reads <see cref="BranchStatus"/> for task worktrees through libgit2, cheap enough to refresh 30 tasks every two seconds.
/// Each worktree's <see cref="Repository"/> is opened once and reused, and a read redoes only what can have changed:
/// <list type="bullet">
/// <item>the branch tip and the base are looked up every time (two ref reads: cheap, and never stale, so a refresh right
/// after a merge or a commit sees it without waiting for a file event);</item>
/// <item>ahead/behind and the committed files checked against the scope are recomputed only when the tip or the base moved;</item>
/// <item>the working-tree scan (the costly part: a stat of every tracked file) runs only when the working tree changed
/// (<see cref="WorktreeChangeWatcher"/>), the worktree's index or HEAD was replaced (<see cref="GitDirChangeWatcher"/>:
/// <c>git add</c>, <c>git reset</c>, a checkout), the tip moved, or its <see cref="FullRescanInterval"/> came round. That
/// last one is a safety net for events a watcher missed; each worktree's turn is staggered over the interval, so no refresh
/// re-scans every worktree at once (before: all 30 at the same second, 240-340 ms on this machine).</item>
/// </list>
/// The scan itself skips ignored files and rename detection. Not thread-safe: the session's single writer loop owns it.
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

    /// <summary>Spreads the worktrees' safety-net re-scans evenly over the interval (the golden ratio's fractional part).</summary>
    private const double StaggerStep = 0.6180339887498949;

    private readonly Dictionary<string, WorktreeReadState> _worktrees = new(StringComparer.Ordinal);
    private readonly bool _watch;
    private readonly TimeProvider _time;
    private readonly Lazy<TreeWatchSet?> _treeWatches = new(TreeWatchSet.TryCreate, LazyThreadSafetyMode.None);
    private long _opened;

    /// <param name="watch">Skip the working-tree scan of worktrees with no file change (false: scan on every read).</param>
    /// <param name="fullRescanInterval">How often each worktree is re-scanned even when no watcher saw a change.</param>
    /// <param name="time">The clock for <paramref name="fullRescanInterval"/> (tests and benchmarks step it).</param>
    public BranchStatusReader(bool watch = true, TimeSpan? fullRescanInterval = null, TimeProvider? time = null)
    {
        _watch = watch;
        _time = time ?? TimeProvider.System;
        FullRescanInterval = fullRescanInterval ?? TimeSpan.FromSeconds(60);
    }

    public TimeSpan FullRescanInterval { get; }

    /// <summary>Working-tree scans done so far (what the watchers save: a steady refresh adds none).</summary>
    public long TreeScans { get; private set; }

    /// <summary>Ahead/behind computations done so far (a refresh with no tip or base moved adds none).</summary>
    public long HistoryReads { get; private set; }

    private sealed class WorktreeReadState(Repository repository, WorktreeChangeWatcher? tree, GitDirChangeWatcher? gitDir) : IDisposable
    {
        public Repository Repository { get; } = repository;
        public WorktreeChangeWatcher? Tree { get; } = tree;
        public GitDirChangeWatcher? GitDir { get; } = gitDir;
        public string? ScannedTip { get; set; }
        public long NextFullScan { get; set; }
        public IReadOnlyList<string> Uncommitted { get; set; } = [];
        public HistoryReading? History { get; set; }
        public (string Tip, string Base, IReadOnlyList<string> Changed)? Committed { get; set; }

        public void Dispose()
        {
            Tree?.Dispose();
            GitDir?.Dispose();
            Repository.Dispose();
        }
    }

    /// <summary>Ahead/behind of a tip against a base, and their merge base: unchanged while neither moves.</summary>
    private sealed record HistoryReading(string Tip, string Base, int Ahead, int Behind, Commit? MergeBase);

    /// <summary>
    /// Status of the branch checked out at <paramref name="worktreePath"/> against <paramref name="baseRef"/> (a branch name or any revision).
    /// </summary>
    public BranchStatus Read(string worktreePath, string baseRef, ScopeMatcher scope)
    {
        var state = Open(worktreePath);
        var repository = state.Repository;
        var tip = repository.Head.Tip;
        var baseCommit = ResolveBase(repository, baseRef);
        var ahead = 0;
        var behind = 0;
        IReadOnlyList<string> committed = [];
        if (tip is not null && baseCommit is not null)
        {
            var history = History(state, tip, baseCommit);
            ahead = history.Ahead;
            behind = history.Behind;
            committed = scope.IsUnrestricted ? [] : CommittedChanges(state, tip, baseCommit, history.MergeBase);
        }

        var uncommitted = UncommittedPaths(state, tip?.Sha);

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
        if (_worktrees.Remove(worktreePath, out var state))
            state.Dispose();
    }

    public void Dispose()
    {
        foreach (var state in _worktrees.Values)
            state.Dispose();
        _worktrees.Clear();
        if (_treeWatches.IsValueCreated)
            _treeWatches.Value?.Dispose();
    }

    private IReadOnlyList<string> UncommittedPaths(WorktreeReadState state, string? tip)
    {
        var now = _time.GetTimestamp();
        // Both flags are taken (reset) before the scan: a change made while it runs is seen by the next read.
        var treeChanged = state.Tree?.TakeChanged() ?? true;
        var gitDirChanged = state.GitDir?.TakeChanged() ?? true;
        if (!treeChanged && !gitDirChanged && state.ScannedTip == tip && now < state.NextFullScan)
            return state.Uncommitted;

        var uncommitted = new List<string>();
        foreach (var entry in state.Repository.RetrieveStatus(FastStatus))
        {
            if (entry.State is not (FileStatus.Ignored or FileStatus.Unaltered))
                uncommitted.Add(entry.FilePath);
        }

        TreeScans++;
        state.ScannedTip = tip;
        // The safety net keeps its own staggered beat: a scan a change caused does not move it (that would line every
        // worktree touched in the same second up on the same beat again).
        if (now >= state.NextFullScan)
            state.NextFullScan += Math.Max(1, (now - state.NextFullScan) / IntervalTicks + 1) * IntervalTicks;
        state.Uncommitted = uncommitted;
        return uncommitted;
    }

    private long IntervalTicks => (long)(FullRescanInterval.TotalSeconds * _time.TimestampFrequency);

    private WorktreeReadState Open(string worktreePath)
    {
        if (_worktrees.TryGetValue(worktreePath, out var state))
            return state;
        var repository = new Repository(worktreePath);
        state = new WorktreeReadState(
            repository,
            _watch ? new WorktreeChangeWatcher(worktreePath, _treeWatches.Value, new GitIgnoreRules(repository)) : null,
            _watch ? new GitDirChangeWatcher(repository.Info.Path) : null);
        // The first read scans (the watchers start "changed"); the safety net's first turn comes at a staggered point of
        // the interval, so the worktrees of a fleet opened together do not all come due in the same refresh.
        var stagger = StaggerStep * ++_opened % 1.0;
        state.NextFullScan = _time.GetTimestamp() + (long)(IntervalTicks * (1 + stagger));
        _worktrees[worktreePath] = state;
        return state;
    }

    private static Commit? ResolveBase(Repository repository, string baseRef) =>
        repository.Branches[baseRef]?.Tip ?? repository.Lookup<Commit>(baseRef);

    private HistoryReading History(WorktreeReadState state, Commit tip, Commit baseCommit)
    {
        if (state.History is { } cached && cached.Tip == tip.Sha && cached.Base == baseCommit.Sha)
            return cached;
        var divergence = state.Repository.ObjectDatabase.CalculateHistoryDivergence(tip, baseCommit);
        HistoryReads++;
        state.History = new HistoryReading(tip.Sha, baseCommit.Sha, divergence.AheadBy ?? 0, divergence.BehindBy ?? 0, divergence.CommonAncestor);
        return state.History;
    }

    private static IReadOnlyList<string> CommittedChanges(WorktreeReadState state, Commit tip, Commit baseCommit, Commit? mergeBase)
    {
        if (state.Committed is { } cached && cached.Tip == tip.Sha && cached.Base == baseCommit.Sha)
            return cached.Changed;
        IReadOnlyList<string> changed = mergeBase is null || mergeBase.Sha == tip.Sha
            ? []
            : state.Repository.Diff.Compare<TreeChanges>(mergeBase.Tree, tip.Tree).Select(c => c.Path).ToList();
        state.Committed = (tip.Sha, baseCommit.Sha, changed);
        return changed;
    }
}

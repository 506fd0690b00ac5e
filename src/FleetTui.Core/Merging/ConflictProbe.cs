using LibGit2Sharp;

namespace FleetTui.Core.Merging;

/// <summary>
/// Predicts conflicts before anyone merges: trial-merges every pair of in-flight branches and each branch with the base,
/// in memory (libgit2 <c>MergeCommits</c>, no checkout, nobody's files touched). Results are cached by the two tips, so a
/// refresh after one new commit only redoes the pairs that involve the branch that moved.
/// Not thread-safe by design: one owner (the session) refreshes it.
/// </summary>
public sealed class ConflictProbe : IDisposable
{
    private static readonly MergeTreeOptions TrialMerge = new() { FailOnConflict = false, SkipReuc = true };

    private static readonly CompareOptions PathsOnly = new() { Similarity = SimilarityOptions.None, IncludeUnmodified = false };

    private readonly Repository _repository;
    private Dictionary<(ObjectId, ObjectId), IReadOnlyList<string>> _cache = [];
    private Dictionary<(ObjectId, ObjectId), TouchedPaths> _touched = [];
    private Dictionary<(ObjectId, ObjectId), TouchedPaths> _touchedNext = [];

    public ConflictProbe(string repoPath) => _repository = new Repository(repoPath);

    /// <summary>Trial merges done by the last refresh (the rest came from the cache).</summary>
    public int LastRefreshMerges { get; private set; }

    /// <summary>Recomputes what changed and returns every predicted conflict: with the base first (task order), then pairs (task order).</summary>
    public IReadOnlyList<PredictedConflict> Refresh(string baseBranch, IReadOnlyList<ProbeBranch> branches)
    {
        var baseTip = Tip(baseBranch) ?? throw new ArgumentException($"base branch '{baseBranch}' does not exist", nameof(baseBranch));
        var tips = branches.Select(b => (b.Task, Tip: Tip(b.Branch))).Where(b => b.Tip is not null).Select(b => (b.Task, Tip: b.Tip!)).ToList();
        var next = new Dictionary<(ObjectId, ObjectId), IReadOnlyList<string>>();
        var conflicts = new List<PredictedConflict>();
        LastRefreshMerges = 0;
        _touchedNext = [];

        foreach (var (task, tip) in tips)
        {
            var paths = Conflicts(baseTip, tip, next);
            if (paths.Count > 0)
                conflicts.Add(new PredictedConflict(task, null, paths));
        }
        for (var i = 0; i < tips.Count; i++)
        {
            for (var j = i + 1; j < tips.Count; j++)
            {
                var paths = Conflicts(tips[i].Tip, tips[j].Tip, next);
                if (paths.Count > 0)
                    conflicts.Add(new PredictedConflict(tips[i].Task, tips[j].Task, paths));
            }
        }
        // Keep only what this refresh used: the cache never outgrows the fleet.
        _cache = next;
        _touched = _touchedNext;
        return conflicts;
    }

    private IReadOnlyList<string> Conflicts(Commit a, Commit b, Dictionary<(ObjectId, ObjectId), IReadOnlyList<string>> next)
    {
        // A merge's conflicts do not depend on which side is "ours": one cache entry per unordered pair.
        var key = string.CompareOrdinal(a.Sha, b.Sha) <= 0 ? (a.Id, b.Id) : (b.Id, a.Id);
        if (next.TryGetValue(key, out var known) || _cache.TryGetValue(key, out known))
        {
            next[key] = known;
            return known;
        }
        LastRefreshMerges++;
        IReadOnlyList<string> paths;
        if (a.Id == b.Id)
        {
            paths = [];
        }
        else if (_repository.ObjectDatabase.FindMergeBase(a, b) is { } mergeBase && !Touched(mergeBase, a).Overlaps(Touched(mergeBase, b)))
        {
            paths = [];
        }
        else
        {
            var result = _repository.ObjectDatabase.MergeCommits(a, b, TrialMerge);
            paths = result.Status == MergeTreeStatus.Conflicts
                ? result.Conflicts.Select(c => (c.Ours ?? c.Theirs ?? c.Ancestor).Path.Replace('\\', '/')).Distinct().Order(StringComparer.Ordinal).ToList()
                : [];
        }
        next[key] = paths;
        return paths;
    }

    private TouchedPaths Touched(Commit from, Commit to)
    {
        var key = (from.Id, to.Id);
        if (!_touchedNext.TryGetValue(key, out var touched) && !_touched.TryGetValue(key, out touched))
        {
            var changes = _repository.Diff.Compare<TreeChanges>(from.Tree, to.Tree, PathsOnly);
            touched = new TouchedPaths(changes.SelectMany(c => new[] { c.Path, c.OldPath }));
        }
        _touchedNext[key] = touched;
        return touched;
    }

    private Commit? Tip(string branch) => _repository.Branches[branch]?.Tip;

    public void Dispose() => _repository.Dispose();
}

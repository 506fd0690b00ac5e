namespace FleetTui.Core.Worktrees;

/// <summary>
/// Everything removing one task's worktree (and deleting its branch) would lose, as <see cref="WorktreeManager.DescribeLossAsync"/>
/// finds it: uncommitted paths, commits not merged into the base, commits only the worktree's or branch's reflog still reaches
/// (made on a detached HEAD, amended away…), and ignored files (<c>.env.local</c>) that would be deleted with the folder. Files fleet
/// put there itself ([setup] copies and links, the agent's ticket and hooks) are not counted. Two descriptions are equal when they
/// name the same paths and the same commits (by full sha): what a user confirmed can be compared with what is there now.
/// </summary>
public sealed record WorktreeLoss(
    IReadOnlyList<string> UncommittedPaths,
    IReadOnlyList<LostCommit> UnmergedCommits,
    IReadOnlyList<LostCommit> ReflogOnlyCommits,
    IReadOnlyList<string> IgnoredPaths)
{
    public static WorktreeLoss None { get; } = new([], [], [], []);

    public bool IsEmpty => UncommittedPaths.Count == 0 && UnmergedCommits.Count == 0 && ReflogOnlyCommits.Count == 0 && IgnoredPaths.Count == 0;

    /// <summary>
    /// This loss as part of a task spanning several repositories: each path and commit subject marked <c>[repo]</c>, so one list (one
    /// refusal, one confirmation) names what each repository would lose. Commits keep their sha: equality still compares them exactly.
    /// </summary>
    public WorktreeLoss InRepository(string repo) => new(
        [.. UncommittedPaths.Select(p => $"[{repo}] {p}")],
        [.. UnmergedCommits.Select(c => c with { Subject = $"[{repo}] {c.Subject}" })],
        [.. ReflogOnlyCommits.Select(c => c with { Subject = $"[{repo}] {c.Subject}" })],
        [.. IgnoredPaths.Select(p => $"[{repo}] {p}")]);

    /// <summary>Both losses in one (a task's worktree in this repository and its worktrees in the others).</summary>
    public WorktreeLoss Plus(WorktreeLoss other) => new(
        [.. UncommittedPaths, .. other.UncommittedPaths],
        [.. UnmergedCommits, .. other.UnmergedCommits],
        [.. ReflogOnlyCommits, .. other.ReflogOnlyCommits],
        [.. IgnoredPaths, .. other.IgnoredPaths]);

    /// <summary>One line per item, as a confirmation dialog lists them.</summary>
    public IReadOnlyList<string> Lines =>
    [
        .. UncommittedPaths.Select(p => $"uncommitted: {p}"),
        .. UnmergedCommits.Select(c => $"unmerged commit: {c}"),
        .. ReflogOnlyCommits.Select(c => $"commit only in the worktree's reflog: {c}"),
        .. IgnoredPaths.Select(p => $"ignored file, would be deleted: {p}"),
    ];

    /// <summary>What differs from <paramref name="confirmed"/>: "new: …" for what appeared since, "gone: …" for what is no longer there.</summary>
    public IReadOnlyList<string> ChangesSince(WorktreeLoss confirmed)
    {
        var now = Keyed();
        var then = confirmed.Keyed();
        return
        [
            .. now.Where(kv => !then.ContainsKey(kv.Key)).Select(kv => $"new: {kv.Value}"),
            .. then.Where(kv => !now.ContainsKey(kv.Key)).Select(kv => $"gone: {kv.Value}"),
        ];
    }

    public bool Equals(WorktreeLoss? other) => other is not null && Keyed().Keys.Order(StringComparer.Ordinal)
        .SequenceEqual(other.Keyed().Keys.Order(StringComparer.Ordinal), StringComparer.Ordinal);

    public override int GetHashCode() => Keyed().Count;

    /// <summary>Each item by an identity that ignores display (commits by full sha), with its display line.</summary>
    private Dictionary<string, string> Keyed()
    {
        var keyed = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var path in UncommittedPaths)
            keyed[$"uncommitted\0{path}"] = $"uncommitted: {path}";
        foreach (var commit in UnmergedCommits)
            keyed[$"unmerged\0{commit.Sha}"] = $"unmerged commit: {commit}";
        foreach (var commit in ReflogOnlyCommits)
            keyed[$"reflog\0{commit.Sha}"] = $"commit only in the worktree's reflog: {commit}";
        foreach (var path in IgnoredPaths)
            keyed[$"ignored\0{path}"] = $"ignored file, would be deleted: {path}";
        return keyed;
    }
}

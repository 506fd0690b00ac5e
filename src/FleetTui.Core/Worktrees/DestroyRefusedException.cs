namespace FleetTui.Core.Worktrees;

/// <summary>Destroy refused because work would be lost; lists exactly what (use force to discard it, commits are kept).</summary>
public sealed class DestroyRefusedException : WorktreeException
{
    /// <summary>How many items of each kind are named in the message before "and N more".</summary>
    public const int PathsShown = 10;

    public DestroyRefusedException(string task, WorktreeLoss loss, string baseRef)
        : base(Describe(task, loss, baseRef))
    {
        Loss = loss;
    }

    public WorktreeLoss Loss { get; }

    public IReadOnlyList<string> UncommittedPaths => Loss.UncommittedPaths;

    /// <summary>"&lt;short sha&gt; &lt;subject&gt;" of each commit not in the base, newest first.</summary>
    public IReadOnlyList<string> UnmergedCommits => [.. Loss.UnmergedCommits.Select(c => c.ToString())];

    private static string Describe(string task, WorktreeLoss loss, string baseRef)
    {
        var lines = new List<string>
        {
            $"Refusing to remove task '{task}': it would lose work (--force removes it anyway; its commits are then kept under {CommitRescue.RefPrefix}{task}/).",
        };
        Section(lines, loss.UncommittedPaths, "uncommitted path(s)");
        Section(lines, loss.UnmergedCommits.Select(c => c.ToString()).ToList(), $"commit(s) not merged into {baseRef}");
        Section(lines, loss.ReflogOnlyCommits.Select(c => c.ToString()).ToList(),
            "commit(s) only the worktree's reflog still reaches (made on a detached HEAD, or amended or reset away)");
        Section(lines, loss.IgnoredPaths, "ignored file(s) that would be deleted with the folder");
        return string.Join('\n', lines);
    }

    private static void Section(List<string> lines, IReadOnlyList<string> items, string what)
    {
        if (items.Count == 0)
            return;
        lines.Add($"  {items.Count} {what}:");
        lines.AddRange(items.Take(PathsShown).Select(p => $"    {p}"));
        if (items.Count > PathsShown)
            lines.Add($"    … and {items.Count - PathsShown} more");
    }
}

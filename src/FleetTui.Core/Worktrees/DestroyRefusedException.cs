namespace FleetTui.Core.Worktrees;

/// <summary>Destroy refused because work would be lost; lists exactly what (use force to discard it).</summary>
public sealed class DestroyRefusedException : WorktreeException
{
    /// <summary>How many uncommitted paths are named in the message before "and N more".</summary>
    public const int PathsShown = 10;

    public DestroyRefusedException(string task, IReadOnlyList<string> uncommittedPaths, IReadOnlyList<string> unmergedCommits, string baseRef)
        : base(Describe(task, uncommittedPaths, unmergedCommits, baseRef))
    {
        UncommittedPaths = uncommittedPaths;
        UnmergedCommits = unmergedCommits;
    }

    public IReadOnlyList<string> UncommittedPaths { get; }

    /// <summary>"&lt;short sha&gt; &lt;subject&gt;" of each commit not in the base, newest first.</summary>
    public IReadOnlyList<string> UnmergedCommits { get; }

    private static string Describe(string task, IReadOnlyList<string> paths, IReadOnlyList<string> commits, string baseRef)
    {
        var lines = new List<string> { $"Refusing to remove task '{task}': it would lose work (use --force to discard it)." };
        if (paths.Count > 0)
        {
            lines.Add($"  {paths.Count} uncommitted path(s):");
            lines.AddRange(paths.Take(PathsShown).Select(p => $"    {p}"));
            if (paths.Count > PathsShown)
                lines.Add($"    … and {paths.Count - PathsShown} more");
        }

        if (commits.Count > 0)
        {
            lines.Add($"  {commits.Count} commit(s) not merged into {baseRef}:");
            lines.AddRange(commits.Take(PathsShown).Select(c => $"    {c}"));
            if (commits.Count > PathsShown)
                lines.Add($"    … and {commits.Count - PathsShown} more");
        }

        return string.Join('\n', lines);
    }
}

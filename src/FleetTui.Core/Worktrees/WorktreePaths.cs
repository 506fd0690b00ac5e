namespace FleetTui.Core.Worktrees;

/// <summary>
/// Where a task's worktree goes: the <c>[fleet] worktrees</c> template (already expanded by the caller, relative to the repo root)
/// or the default sibling folder <c>../&lt;repo&gt;.worktrees/&lt;task&gt;</c>. The default extends to multi-repo fleets for free:
/// each repository of a task gets its own sibling folder, <c>../api.worktrees/&lt;task&gt;</c>, <c>../web.worktrees/&lt;task&gt;</c>.
/// </summary>
public static class WorktreePaths
{
    public static string DefaultFor(string repoRoot, string task)
    {
        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(repoRoot));
        var parent = Path.GetDirectoryName(root) ?? root;
        return Path.Combine(parent, Path.GetFileName(root) + ".worktrees", task);
    }

    /// <summary>An expanded template made absolute against the repo root.</summary>
    public static string FromTemplate(string repoRoot, string expandedTemplate) =>
        Path.TrimEndingDirectorySeparator(Path.GetFullPath(expandedTemplate, Path.GetFullPath(repoRoot)));
}

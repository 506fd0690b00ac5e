namespace FleetTui.Core.Config;

/// <summary>
/// Where a task's worktree goes: <c>[fleet] worktrees</c> (default <see cref="DefaultTemplate"/>) resolved against the
/// repository root. In this one template <c>{repo}</c> is the repository folder's <em>name</em>, not its path, so the
/// default gives a sibling folder: <c>/src/shop</c> → <c>/src/shop.worktrees/&lt;task&gt;</c>.
/// </summary>
public static class WorktreeLocation
{
    public const string DefaultTemplate = "../{repo}.worktrees/{task}";

    /// <summary>The absolute worktree path of <paramref name="task"/> for the repository at <paramref name="repoRoot"/>.</summary>
    public static string Resolve(FleetSettings fleet, string repoRoot, TaskConfig task, string? home = null)
    {
        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(repoRoot));
        var values = new TemplateValues { Task = task.Name, Branch = task.Branch, Worktree = "", Repo = Path.GetFileName(root) };
        var relative = TemplateExpander.Expand(fleet.Worktrees ?? DefaultTemplate, values);
        if (relative == "~" || relative.StartsWith("~/", StringComparison.Ordinal))
            relative = (home ?? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile)) + relative[1..];
        return Path.GetFullPath(Path.Combine(root, relative));
    }
}

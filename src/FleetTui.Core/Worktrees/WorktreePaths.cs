using FleetTui.Core.Config;

namespace FleetTui.Core.Worktrees;

/// <summary>
/// The default worktree place, <c>../&lt;repo&gt;.worktrees/&lt;task&gt;</c> (cfg's <see cref="WorktreeLocation"/> resolves the
/// <c>[fleet] worktrees</c> template). The scheme extends to multi-repo fleets for free: each repository of a task gets its own
/// sibling folder, <c>../api.worktrees/&lt;task&gt;</c>, <c>../web.worktrees/&lt;task&gt;</c>, sharing the task's ports.
/// </summary>
public static class WorktreePaths
{
    public static string DefaultFor(string repoRoot, string task) =>
        WorktreeLocation.Resolve(new FleetSettings(), repoRoot, new TaskConfig { Name = task, Branch = $"fleet/{task}" });
}

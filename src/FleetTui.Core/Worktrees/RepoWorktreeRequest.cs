namespace FleetTui.Core.Worktrees;

/// <summary>A task's worktree in another repository it spans: that repository's manager and what to create there.</summary>
public sealed record RepoWorktreeRequest(string Repo, WorktreeManager Manager, WorktreeRequest Request);

namespace FleetTui.Core.Worktrees;

/// <summary>A worktree that exists (and is registered with git) after <see cref="WorktreeManager.CreateAsync"/>.</summary>
public sealed record CreatedWorktree(string Path, string Branch, string BaseCommit, SetupOutcome Setup);

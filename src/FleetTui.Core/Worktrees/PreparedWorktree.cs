namespace FleetTui.Core.Worktrees;

/// <summary>A worktree made by <see cref="WorktreeManager.PrepareAsync"/>, its setup command not run yet; what undoing it needs to know.</summary>
public sealed record PreparedWorktree(CreatedWorktree Created, bool FolderExistedBefore);

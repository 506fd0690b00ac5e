namespace FleetTui.Core.Worktrees;

/// <summary>A worktree could not be created or removed; the message says what and why, and nothing half-made was left behind.</summary>
public class WorktreeException : Exception
{
    public WorktreeException(string message, Exception? inner = null) : base(message, inner) { }
}

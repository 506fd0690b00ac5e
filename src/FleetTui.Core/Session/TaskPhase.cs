namespace FleetTui.Core.Session;

/// <summary>Where a task is in its life, independent of what its agent is doing.</summary>
public enum TaskPhase
{
    /// <summary>Declared, waiting on dependencies to merge; no worktree yet.</summary>
    Blocked,
    /// <summary>Declared, no worktree yet, nothing blocking it.</summary>
    Pending,
    /// <summary>Worktree created, setup command running.</summary>
    SettingUp,
    /// <summary>The setup command failed; the worktree exists and the log says why.</summary>
    SetupFailed,
    /// <summary>Worktree ready; the agent may be running or not.</summary>
    Active,
    /// <summary>The user (or the agent's hook) marked the work done.</summary>
    Done,
    /// <summary>A merge conflicted or was refused; waiting on a human.</summary>
    Review,
    /// <summary>Merged into the base.</summary>
    Merged,
    /// <summary>The worktree vanished behind our back (deleted by hand); the branch may still exist.</summary>
    Missing,
}

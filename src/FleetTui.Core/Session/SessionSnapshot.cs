using FleetTui.Core.Config;

namespace FleetTui.Core.Session;

/// <summary>
/// Everything known about the fleet at one instant. Immutable: views and CLI verbs read it, never mutate it.
/// <see cref="Version"/> grows by one with every change, so a view can skip work when nothing moved.
/// </summary>
public sealed record SessionSnapshot
{
    public required long Version { get; init; }

    /// <summary>Absolute path of the main repository's working tree root.</summary>
    public required string RepoRoot { get; init; }

    /// <summary>The resolved base branch.</summary>
    public required string BaseBranch { get; init; }

    public required FleetConfig Config { get; init; }

    public IReadOnlyList<TaskSnapshot> Tasks { get; init; } = [];

    /// <summary>What the session found and repaired when it opened (worktrees deleted by hand, branches moved…).</summary>
    public IReadOnlyList<string> RecoveryNotes { get; init; } = [];

    /// <summary>Absolute path of the state file (for messages).</summary>
    public string StatePath { get; init; } = "";

    public TaskSnapshot? FindTask(string name) => Tasks.FirstOrDefault(t => t.Name == name);
}

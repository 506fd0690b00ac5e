using FleetTui.Core.Config;

namespace FleetTui.Core.Worktrees;

/// <summary>
/// Everything needed to create one worktree and prepare it. Values arrive already expanded (templates, ports, database):
/// the manager does git and files, not configuration.
/// </summary>
public sealed record WorktreeRequest
{
    public required string Task { get; init; }

    public required string Branch { get; init; }

    /// <summary>Revision the new branch starts from (a branch name usually).</summary>
    public required string BaseRef { get; init; }

    /// <summary>Absolute path of the worktree to create.</summary>
    public required string Path { get; init; }

    public SetupConfig Setup { get; init; } = new();

    /// <summary>Environment for the setup command (FLEET_* values, the task's env), on top of the inherited one.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>Where the setup command's log goes; null means <see cref="WorktreeManager.SetupLogPath"/> of the task.</summary>
    public string? SetupLog { get; init; }

    /// <summary>Shared cache folders: env var name → absolute directory (created if missing, exported to the setup command).</summary>
    public IReadOnlyDictionary<string, string> Caches { get; init; } = new Dictionary<string, string>();
}

namespace FleetTui.Core.Config;

/// <summary>The <c>[setup]</c> table: the chores done for every new worktree.</summary>
public sealed record SetupConfig
{
    /// <summary>A command run through <c>sh -c</c> in each new worktree, as the user wrote it; our values reach it as env vars.</summary>
    public string? Run { get; init; }

    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Files copied from the main checkout into each new worktree (relative paths).</summary>
    public IReadOnlyList<string> Copy { get; init; } = [];

    /// <summary>Files symlinked from the main checkout into each new worktree (relative paths).</summary>
    public IReadOnlyList<string> Link { get; init; } = [];

    /// <summary>Shared caches: env var name → directory shared by all worktrees (templates allowed).</summary>
    public IReadOnlyDictionary<string, string> Caches { get; init; } = new Dictionary<string, string>();

    /// <summary>Database name template per task, e.g. <c>myapp_{task}</c>; exposed as <c>{db}</c> and <c>FLEET_DB</c>.</summary>
    public string? Database { get; init; }
}

namespace FleetTui.Core.Config;

/// <summary>One <c>[[task]]</c>.</summary>
public sealed record TaskConfig
{
    /// <summary>Lowercase letters, digits, '.', '_', '-' (it becomes a path, a branch and a database name).</summary>
    public required string Name { get; init; }

    /// <summary>The task's branch; defaults to <c>fleet/&lt;name&gt;</c>. A valid git ref name.</summary>
    public required string Branch { get; init; }

    /// <summary>A branch, or another task's name to stack on it; null means the fleet's base.</summary>
    public string? Base { get; init; }

    /// <summary>Where <see cref="Base"/> was written (checked against the repository when a session opens); null when not from a file.</summary>
    public SourcePosition? BasePosition { get; init; }

    public IReadOnlyList<string> DependsOn { get; init; } = [];

    /// <summary>Null means the fleet's default agent.</summary>
    public AgentRef? Agent { get; init; }

    /// <summary>Inline prompt text handed to the agent.</summary>
    public string? Prompt { get; init; }

    /// <summary>A file (relative to the repo root) whose text the agent receives.</summary>
    public string? Ticket { get; init; }

    /// <summary>Glob patterns (git pathspec-like, <c>**</c> allowed) of files the task may touch.</summary>
    public IReadOnlyList<string> Scope { get; init; } = [];

    /// <summary>Gate command; null means the fleet's gate.</summary>
    public string? Gate { get; init; }

    /// <summary>Named ports to allocate for this task.</summary>
    public IReadOnlyList<string> Ports { get; init; } = [];

    public IReadOnlyDictionary<string, string> Env { get; init; } = new Dictionary<string, string>();

    /// <summary>The <c>[hosts.&lt;name&gt;]</c> the task lives on; null: this machine.</summary>
    public string? Host { get; init; }

    /// <summary>Other repositories (names from <c>[repos.&lt;name&gt;]</c>) the task spans: a worktree in each, same branch name.</summary>
    public IReadOnlyList<string> Repos { get; init; } = [];

    /// <summary>
    /// Per-repository bases (<c>base.api = "feat/x"</c>, or another task's name to stack on it there); a repository listed in
    /// <see cref="Repos"/> without one starts from its <c>[repos.&lt;name&gt;] base</c>.
    /// </summary>
    public IReadOnlyDictionary<string, string> RepoBases { get; init; } = new Dictionary<string, string>();

    /// <summary>Where each of <see cref="RepoBases"/> was written; empty when not from a file.</summary>
    public IReadOnlyDictionary<string, SourcePosition> RepoBasePositions { get; init; } = new Dictionary<string, SourcePosition>();

    /// <summary>Where the task's table starts in fleet.toml, for messages.</summary>
    public SourcePosition Position { get; init; }
}

namespace FleetTui.Core.Config;

/// <summary>
/// The whole of a validated <c>fleet.toml</c>: immutable, produced only by <see cref="ConfigLoader"/>.
/// Everything here has already been checked (names, refs, dependencies, templates), so consumers never re-validate.
/// </summary>
public sealed record FleetConfig
{
    /// <summary>Absolute path of the fleet.toml this came from (used in messages).</summary>
    public required string SourcePath { get; init; }

    public required FleetSettings Fleet { get; init; }

    public SetupConfig Setup { get; init; } = new();

    /// <summary>Tasks in file order.</summary>
    public IReadOnlyList<TaskConfig> Tasks { get; init; } = [];

    /// <summary>Agent presets: the built-ins overridden and extended by <c>[agents.&lt;name&gt;]</c>.</summary>
    public IReadOnlyDictionary<string, AgentConfig> Agents { get; init; } = new Dictionary<string, AgentConfig>();

    /// <summary>Remote hosts from <c>[hosts.&lt;name&gt;]</c>, by name.</summary>
    public IReadOnlyDictionary<string, RemoteHostConfig> Hosts { get; init; } = new Dictionary<string, RemoteHostConfig>();

    /// <summary>Other repositories tasks may span (<c>[repos.&lt;name&gt;]</c>), in file order.</summary>
    public IReadOnlyList<RepoConfig> Repos { get; init; } = [];

    public TaskConfig? FindTask(string name) => Tasks.FirstOrDefault(t => t.Name == name);

    public RepoConfig? FindRepo(string name) => Repos.FirstOrDefault(r => r.Name == name);

    /// <summary>Each task's services (<c>[services.&lt;name&gt;]</c>), in file order.</summary>
    public IReadOnlyList<ServiceConfig> Services { get; init; } = [];

    /// <summary>The services a task runs: those of this repository, and those of each other repository it spans.</summary>
    public IReadOnlyList<ServiceConfig> ServicesOf(IReadOnlyCollection<string> taskRepos) =>
        [.. Services.Where(s => s.Repo is null || taskRepos.Contains(s.Repo))];
}

namespace FleetTui.Core.Config;

/// <summary>
/// Every key fleet.toml accepts, in one place: the section readers reject anything else, and a test checks that
/// fleet.toml.example documents each of them.
/// </summary>
public static class ConfigSchema
{
    public static readonly IReadOnlyList<string> TopLevelKeys = ["fleet", "task", "setup", "agents", "hosts", "repos", "services"];

    public static readonly IReadOnlyList<string> FleetKeys =
    [
        "base", "worktrees", "agent", "gate", "gate_timeout", "gate_after_merge", "cleanup", "scope_enforcement",
        "fast_forward", "context", "ports", "env", "merge_on_approve",
    ];

    /// <summary>Keys of <c>[fleet.ports]</c> (written inline: <c>ports = { first = 41000, last = 41999 }</c>).</summary>
    public static readonly IReadOnlyList<string> PortRangeKeys = ["first", "last"];

    public static readonly IReadOnlyList<string> TaskKeys =
    [
        "name", "branch", "base", "depends_on", "agent", "prompt", "ticket", "scope", "gate", "ports", "env", "host", "repos",
    ];

    /// <summary>Keys of <c>[repos.&lt;name&gt;]</c>.</summary>
    public static readonly IReadOnlyList<string> RepoKeys = ["path", "base", "shared_env", "setup"];

    /// <summary>Keys of <c>[services.&lt;name&gt;]</c>.</summary>
    public static readonly IReadOnlyList<string> ServiceKeys = ["command", "repo", "port", "ready", "ready_timeout", "restart", "autostart", "env"];

    /// <summary>Keys of <c>[repos.&lt;name&gt;.setup]</c>: <c>[setup]</c>'s but <c>database</c> (one per task) and <c>caches</c> (fleet-wide: [setup]'s reach every repository's setup).</summary>
    public static readonly IReadOnlyList<string> RepoSetupKeys = ["run", "timeout", "copy", "link"];

    /// <summary>
    /// Keys reserved for features that do not exist yet: refused with their own message rather than read and ignored
    /// (a key that silently does nothing misleads). Empty today; kept so the next planned key has its place.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> NotSupportedYet = new Dictionary<string, string>();

    /// <summary>Keys written in the wrong table: refused with where they belong.</summary>
    public static readonly IReadOnlyDictionary<string, string> Misplaced = new Dictionary<string, string>
    {
        ["fleet.repos"] = "repositories are declared at the top level, one table each: [repos.<name>] with path = \"../other\"",
    };

    public static readonly IReadOnlyList<string> SetupKeys = ["run", "timeout", "copy", "link", "caches", "database"];

    public static readonly IReadOnlyList<string> AgentKeys = ["command", "handover", "prompt_args", "continue_args", "env", "hooks", "trust_worktrees"];

    /// <summary>Keys of <c>[hosts.&lt;name&gt;]</c>: a remote machine reached over SSH.</summary>
    public static readonly IReadOnlyList<string> HostKeys = ["ssh", "path", "fleet", "gate_on"];

    /// <summary>Each table and the keys it accepts, as the example-file test walks them.</summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> KeysByTable = new Dictionary<string, IReadOnlyList<string>>
    {
        [""] = TopLevelKeys,
        ["fleet"] = FleetKeys,
        ["fleet.ports"] = PortRangeKeys,
        ["task"] = TaskKeys,
        ["setup"] = SetupKeys,
        ["agents.*"] = AgentKeys,
        ["hosts.*"] = HostKeys,
        ["repos.*"] = RepoKeys,
        ["repos.*.setup"] = RepoSetupKeys,
        ["services.*"] = ServiceKeys,
    };
}

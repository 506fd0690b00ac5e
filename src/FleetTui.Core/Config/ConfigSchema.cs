namespace FleetTui.Core.Config;

/// <summary>
/// Every key fleet.toml accepts, in one place: the section readers reject anything else, and a test checks that
/// fleet.toml.example documents each of them.
/// </summary>
public static class ConfigSchema
{
    public static readonly IReadOnlyList<string> TopLevelKeys = ["fleet", "task", "setup", "agents", "hosts"];

    public static readonly IReadOnlyList<string> FleetKeys =
    [
        "base", "worktrees", "agent", "gate", "gate_timeout", "gate_after_merge", "cleanup", "scope_enforcement",
        "fast_forward", "context", "ports", "env", "merge_on_approve",
    ];

    /// <summary>Keys of <c>[fleet.ports]</c> (written inline: <c>ports = { first = 41000, last = 41999 }</c>).</summary>
    public static readonly IReadOnlyList<string> PortRangeKeys = ["first", "last"];

    public static readonly IReadOnlyList<string> TaskKeys =
    [
        "name", "branch", "base", "depends_on", "agent", "prompt", "ticket", "scope", "gate", "ports", "env", "host",
    ];

    /// <summary>
    /// Keys reserved for features that do not exist yet: refused with their own message rather than read and ignored
    /// (a key that silently does nothing misleads). <c>repos</c>: multi-repo fleets.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> NotSupportedYet = new Dictionary<string, string>
    {
        ["repos"] = "multi-repo fleets are planned",
    };

    public static readonly IReadOnlyList<string> SetupKeys = ["run", "timeout", "copy", "link", "caches", "database"];

    public static readonly IReadOnlyList<string> AgentKeys = ["command", "handover", "prompt_args", "continue_args", "env", "hooks", "trust_worktrees"];

    /// <summary>Keys of <c>[hosts.&lt;name&gt;]</c>: a remote machine reached over SSH.</summary>
    public static readonly IReadOnlyList<string> HostKeys = ["ssh", "path", "fleet"];

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
    };
}

using FleetTui.Core.Config.Validation;

namespace FleetTui.Core.Config.Sections;

/// <summary>Reads <c>[fleet]</c>.</summary>
public static class FleetSectionReader
{
    public const int LowestPort = 1024;
    public const int HighestPort = 65535;

    private static readonly Dictionary<string, CleanupPolicy> CleanupChoices = new()
    {
        ["on-merge"] = CleanupPolicy.OnMerge,
        ["never"] = CleanupPolicy.Never,
    };

    private static readonly Dictionary<string, ScopeEnforcement> ScopeChoices = new()
    {
        ["off"] = ScopeEnforcement.Off,
        ["warn"] = ScopeEnforcement.Warn,
        ["block"] = ScopeEnforcement.Block,
    };

    public static FleetSettings Read(TableReader fleet)
    {
        fleet.RejectUnknownKeys(ConfigSchema.FleetKeys);
        var defaults = new FleetSettings();
        return new FleetSettings
        {
            Base = ReadBase(fleet),
            BasePosition = fleet.Entry("base")?.Value.Position,
            Worktrees = fleet.NonEmptyString("worktrees"),
            WorktreesPosition = fleet.Entry("worktrees")?.Value.Position,
            Agent = fleet.Agent("agent") ?? defaults.Agent,
            Gate = fleet.NonEmptyString("gate"),
            GateTimeout = fleet.Duration("gate_timeout") ?? defaults.GateTimeout,
            GateAfterMerge = fleet.Boolean("gate_after_merge") ?? defaults.GateAfterMerge,
            Cleanup = fleet.Choice("cleanup", CleanupChoices) ?? defaults.Cleanup,
            ScopeEnforcement = fleet.Choice("scope_enforcement", ScopeChoices) ?? defaults.ScopeEnforcement,
            FastForward = fleet.Boolean("fast_forward") ?? defaults.FastForward,
            MergeOnApprove = fleet.Boolean("merge_on_approve") ?? defaults.MergeOnApprove,
            Context = fleet.PathInsideRepository("context"),
            Ports = ReadPorts(fleet) ?? defaults.Ports,
            Env = fleet.EnvTable("env") ?? defaults.Env,
        };
    }

    private static string? ReadBase(TableReader fleet)
    {
        if (fleet.StringNode("base") is not { } node)
            return null;
        return GitRefName.Problem(node.Value) is { } problem
            ? throw fleet.Error(node.Position, $"invalid branch name '{node.Value}' for 'base' in [fleet]: {problem}")
            : node.Value;
    }

    private static PortRange? ReadPorts(TableReader fleet)
    {
        if (fleet.SubTable("ports") is not { } table)
            return null;
        var ports = new TableReader(table, "[fleet] ports", fleet.DisplayName);
        ports.RejectUnknownKeys(ConfigSchema.PortRangeKeys);
        var first = RequirePort(ports, table, "first");
        var last = RequirePort(ports, table, "last");
        if (first > last)
            throw fleet.Error(ports.Entry("first")!.Value.Position, $"port range is empty: first ({first}) is greater than last ({last})");
        return new PortRange(first, last);
    }

    private static int RequirePort(TableReader ports, Toml.TomlTableNode table, string key)
    {
        var value = ports.Integer(key) ?? throw ports.Error(table.Position, $"[fleet] ports needs '{key}' (write ports = {{ first = 41000, last = 41999 }})");
        return value is < LowestPort or > HighestPort
            ? throw ports.Error(ports.Entry(key)!.Value.Position, $"port {value} for '{key}' is outside {LowestPort}..{HighestPort}")
            : (int)value;
    }
}

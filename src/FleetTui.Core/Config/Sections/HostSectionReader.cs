using FleetTui.Core.Config.Hosts;

namespace FleetTui.Core.Config.Sections;

/// <summary>Reads <c>[hosts.&lt;name&gt;]</c>: the machines reached over SSH that run some of the fleet's tasks.</summary>
public static class HostSectionReader
{
    private static readonly Dictionary<string, RemoteGateLocation> GateLocations = new()
    {
        ["remote"] = RemoteGateLocation.Remote,
        ["local"] = RemoteGateLocation.Local,
    };

    public static IReadOnlyDictionary<string, RemoteHostConfig> ReadAll(TableReader top)
    {
        var hosts = new Dictionary<string, RemoteHostConfig>(StringComparer.Ordinal);
        if (top.SubTable("hosts") is not { } table)
            return hosts;
        foreach (var entry in table.Entries)
        {
            if (entry.Value is not Toml.TomlTableNode hostTable)
                throw top.Error(entry.Value.Position, $"'hosts.{entry.Key}' must be a table (write [hosts.{entry.Key}]), not {entry.Value.Description}");
            if (Validation.TaskName.Problem(entry.Key) is { } problem)
                throw top.Error(entry.KeyPosition, $"invalid host name '{entry.Key}': {problem}");
            if (entry.Key == RemoteHostNames.Local)
                throw top.Error(entry.KeyPosition, $"'{RemoteHostNames.Local}' names this machine; give the remote host another name");
            hosts[entry.Key] = Read(new TableReader(hostTable, $"[hosts.{entry.Key}]", top.DisplayName), entry.Key);
        }

        return hosts;
    }

    private static RemoteHostConfig Read(TableReader host, string name)
    {
        host.RejectUnknownKeys(ConfigSchema.HostKeys);
        var ssh = host.StringNode("ssh") ?? throw host.Error(host.Table.Position, $"[hosts.{name}] needs 'ssh' (a destination such as \"me@box\" or an alias from ~/.ssh/config)");
        if (SshDestination.Problem(ssh.Value) is { } sshProblem)
            throw host.Error(ssh.Position, $"invalid 'ssh' destination '{ssh.Value}' in [hosts.{name}]: {sshProblem}");
        var path = host.StringNode("path") ?? throw host.Error(host.Table.Position, $"[hosts.{name}] needs 'path' (the repository's clone on that host, e.g. \"/home/me/src/app\")");
        if (RemotePath.Problem(path.Value) is { } pathProblem)
            throw host.Error(path.Position, $"invalid 'path' '{path.Value}' in [hosts.{name}]: {pathProblem}");
        var fleet = host.StringNode("fleet");
        if (fleet is not null && RemotePath.Problem(fleet.Value) is { } fleetProblem)
            throw host.Error(fleet.Position, $"invalid 'fleet' '{fleet.Value}' in [hosts.{name}]: {fleetProblem}");
        return new RemoteHostConfig
        {
            Name = name,
            Ssh = ssh.Value,
            Path = path.Value,
            Fleet = fleet?.Value ?? RemoteHostConfig.DefaultFleet,
            GateOn = host.Choice("gate_on", GateLocations) ?? RemoteGateLocation.Remote,
            Position = host.Table.Position,
        };
    }
}

namespace FleetTui.Core.Config;

/// <summary>
/// One <c>[hosts.&lt;name&gt;]</c>: another machine, reached over SSH, whose clone of this repository runs some tasks.
/// </summary>
public sealed record RemoteHostConfig
{
    public const string DefaultFleet = "fleet";

    public required string Name { get; init; }

    /// <summary>The SSH destination as the user types it (<c>user@box</c> or a <c>~/.ssh/config</c> alias); one argv word for ssh.</summary>
    public required string Ssh { get; init; }

    /// <summary>The repository's clone on that host (relative paths are relative to the remote user's home, as ssh and git read them).</summary>
    public required string Path { get; init; }

    /// <summary>The <c>fleet</c> executable on that host (default: <c>fleet</c> on its PATH).</summary>
    public string Fleet { get; init; } = DefaultFleet;

    /// <summary>Where its tasks are gated before they merge here (<c>gate_on</c>; default: on the host).</summary>
    public Hosts.RemoteGateLocation GateOn { get; init; } = Hosts.RemoteGateLocation.Remote;

    /// <summary>Where the table starts in fleet.toml, for messages.</summary>
    public SourcePosition Position { get; init; }
}

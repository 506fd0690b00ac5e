namespace FleetTui.Core.Config.Hosts;

/// <summary>
/// Where a remote host's task is gated before it merges here (<c>gate_on</c> in <c>[hosts.&lt;name&gt;]</c>): on its host,
/// in its worktree, by that clone's fleet (the default), or on this machine, on the merged result, in a throwaway checkout.
/// </summary>
public enum RemoteGateLocation
{
    /// <summary><c>gate_on = "remote"</c>: its host's gate result on the tip that merges counts; run there when it has none.</summary>
    Remote,

    /// <summary><c>gate_on = "local"</c>: this fleet.toml's gate runs here on the merged commit before the base moves.</summary>
    Local,
}

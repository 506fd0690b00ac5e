namespace FleetTui.Ui.Cockpit.Hosts;

/// <summary>Where the cockpit's connection to a remote host's fleet host stands.</summary>
public enum HostLinkPhase
{
    /// <summary>The first attempt is under way.</summary>
    Connecting,

    Connected,

    /// <summary>The connection dropped; the next attempt is due (or under way).</summary>
    Reconnecting,

    /// <summary>The last attempt failed (ssh could not connect, or the remote fleet refused); attempts go on with backoff.</summary>
    Unreachable,

    /// <summary>The cockpit stopped that host and its agents (quit → stop everywhere); no attempt follows.</summary>
    Stopped,
}

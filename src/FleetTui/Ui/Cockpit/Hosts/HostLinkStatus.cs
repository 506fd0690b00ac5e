namespace FleetTui.Ui.Cockpit.Hosts;

/// <summary>A remote host's link at one instant, and the words the sidebar and pane titles use for it.</summary>
/// <param name="NextAttemptAt">When the next connection attempt starts (null: one is under way, or connected).</param>
/// <param name="Error">Why the last attempt failed: ssh's own words when it could not connect, else fleet's message.</param>
public sealed record HostLinkStatus(HostLinkPhase Phase, DateTimeOffset? NextAttemptAt = null, string? Error = null)
{
    public static readonly HostLinkStatus Connecting = new(HostLinkPhase.Connecting);

    public static readonly HostLinkStatus Connected = new(HostLinkPhase.Connected);

    public static readonly HostLinkStatus Stopped = new(HostLinkPhase.Stopped);

    public bool IsConnected => Phase == HostLinkPhase.Connected;

    /// <summary><c>connected</c>, <c>reconnecting 3s</c> (seconds until the next attempt), <c>unreachable: &lt;ssh's message&gt;</c>.</summary>
    public string Describe(DateTimeOffset now) => Phase switch
    {
        HostLinkPhase.Connecting => "connecting",
        HostLinkPhase.Connected => "connected",
        HostLinkPhase.Reconnecting when NextAttemptAt is { } at && at > now => $"reconnecting {SecondsUntil(at, now)}s",
        HostLinkPhase.Reconnecting => "reconnecting",
        HostLinkPhase.Stopped => "stopped",
        _ => $"unreachable: {Error}",
    };

    private static int SecondsUntil(DateTimeOffset at, DateTimeOffset now) => (int)Math.Ceiling((at - now).TotalSeconds);
}

namespace FleetTui.Host.Server;

/// <summary>How a <see cref="FleetHost"/> behaves beyond owning its runtime.</summary>
public sealed record FleetHostOptions
{
    /// <summary>At most one screen frame per client per interval (60 a second by default).</summary>
    public TimeSpan FrameInterval { get; init; } = TimeSpan.FromSeconds(1.0 / 60);

    /// <summary>Stop once the last client left while no agent runs (nothing would be kept alive by staying).</summary>
    public bool ExitWhenIdle { get; init; }

    /// <summary>The socket clients reach this host on (for status), or null for an in-process host.</summary>
    public string? SocketPath { get; init; }

    public HostLog Log { get; init; } = HostLog.None;
}

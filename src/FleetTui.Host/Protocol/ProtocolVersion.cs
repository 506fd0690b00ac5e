namespace FleetTui.Host.Protocol;

/// <summary>
/// The version of the host protocol. A client says it in its first message and the host in its answer; when they differ
/// the host refuses with both numbers, so a client never misreads a newer (or older) host. 2: review, diff, explain,
/// services, tasks across repositories.
/// </summary>
public static class ProtocolVersion
{
    public const int Current = 2;
}

using System.Net;
using System.Net.Sockets;

namespace FleetTui.Core.Worktrees;

/// <summary>A port is free when we can bind it on 127.0.0.1 and (where the machine has IPv6) on ::1 — what a dev server does.</summary>
public sealed class LoopbackPortProbe : IPortProbe
{
    public static LoopbackPortProbe Instance { get; } = new();

    public bool IsFree(int port) =>
        CanBind(IPAddress.Loopback, port) && (!Socket.OSSupportsIPv6 || CanBind(IPAddress.IPv6Loopback, port));

    private static bool CanBind(IPAddress address, int port)
    {
        try
        {
            using var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            // No SO_REUSEADDR: a port in TIME_WAIT or held by another listener counts as taken.
            socket.ExclusiveAddressUse = false;
            socket.Bind(new IPEndPoint(address, port));
            return true;
        }
        catch (SocketException error) when (error.SocketErrorCode is SocketError.AddressAlreadyInUse or SocketError.AccessDenied)
        {
            return false;
        }
        catch (SocketException error) when (error.SocketErrorCode is SocketError.AddressNotAvailable)
        {
            // The address family exists but this loopback address does not (IPv6 disabled): nothing can listen there either.
            return true;
        }
    }
}

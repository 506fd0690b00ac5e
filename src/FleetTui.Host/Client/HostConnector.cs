using System.Net.Sockets;

namespace FleetTui.Host.Client;

/// <summary>Reaches a fleet host's Unix socket.</summary>
public static class HostConnector
{
    /// <summary>A stream to the host, or null when nobody answers (no socket, or one left by a host that died).</summary>
    public static async Task<Stream?> TryConnectAsync(string socketPath, CancellationToken cancellationToken = default)
    {
        if (!File.Exists(socketPath))
            return null;
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            await socket.ConnectAsync(new UnixDomainSocketEndPoint(socketPath), cancellationToken).ConfigureAwait(false);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch (SocketException)
        {
            socket.Dispose();
            return null;
        }
    }
}

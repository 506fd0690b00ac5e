using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace FleetTui.Host.Server;

/// <summary>Who is at the other end of a Unix socket (SO_PEERCRED): the kernel's word, not the client's.</summary>
internal static unsafe partial class PeerCredentials
{
    private const int SolSocket = 1;
    private const int SoPeerCred = 17;

    [StructLayout(LayoutKind.Sequential)]
    private struct UCred
    {
        public int Pid;
        public uint Uid;
        public uint Gid;
    }

    [LibraryImport("libc.so.6", SetLastError = true)]
    private static partial int getsockopt(int socket, int level, int option, void* value, uint* length);

    [LibraryImport("libc.so.6")]
    private static partial uint getuid();

    /// <summary>This process's user id.</summary>
    public static uint CurrentUser => getuid();

    /// <summary>The peer's process id and user id, or null when the kernel would not say.</summary>
    public static (int Pid, uint Uid)? Of(Socket socket)
    {
        UCred credentials;
        var length = (uint)sizeof(UCred);
        if (getsockopt((int)socket.Handle, SolSocket, SoPeerCred, &credentials, &length) != 0)
            return null;
        return (credentials.Pid, credentials.Uid);
    }
}

using FleetTui.Demo;

namespace FleetTui.Tests.Host.Server;

/// <summary>A process of another user (nobody, through setpriv) trying a fleet host's socket: what it sees.</summary>
internal static class OtherUser
{
    /// <summary>
    /// Connects to <paramref name="socket"/> as nobody, says a protocol hello and prints what comes back (or the error):
    /// a hello from anyone but the host's own user must get nothing.
    /// </summary>
    public static async Task<string> ConnectAsync(string socket)
    {
        const string script = """
            import socket, struct, sys
            s = socket.socket(socket.AF_UNIX)
            try:
                s.connect(sys.argv[1])
                hello = b'{"type":"hello","version":1,"kind":"Cli"}'
                s.sendall(struct.pack('>I', len(hello) + 1) + b'\x01' + hello)
                s.settimeout(10)
                data = s.recv(65536)
                print('received', len(data), data[:200])
            except Exception as e:
                print('error', e)
            """;
        var result = await DemoCommand.RunAsync(
            ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "/usr/bin/python3", "-c", script, socket], "/");
        return result.Output;
    }
}

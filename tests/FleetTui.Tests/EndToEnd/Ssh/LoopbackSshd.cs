using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using FleetTui.Demo;
using FleetTui.Tests.Demo;

namespace FleetTui.Tests.EndToEnd.Ssh;

/// <summary>
/// A real OpenSSH server on 127.0.0.1 for the length of a test: its own port, host key, client key and config in a
/// temporary folder (key authentication only, no PAM), so a test reaches this machine exactly as a user over SSH does.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
internal sealed class LoopbackSshd : IAsyncDisposable
{
    private readonly string _folder;
    private Process? _sshd;

    private LoopbackSshd(string folder) => _folder = folder;

    public int Port { get; private set; }

    public string ClientKey => Path.Combine(_folder, "client");

    public string KnownHosts => Path.Combine(_folder, "known_hosts");

    /// <summary>A port nothing listens on (this server's folder never serves it): what an unreachable host looks like.</summary>
    public static int ClosedPort() => FreePort();

    public static async Task<LoopbackSshd> StartAsync()
    {
        var folder = Directory.CreateTempSubdirectory("fleet-sshd-").FullName;
        var sshd = new LoopbackSshd(folder);
        await sshd.LaunchAsync();
        return sshd;
    }

    private async Task LaunchAsync()
    {
        Directory.CreateDirectory("/run/sshd"); // sshd's privilege separation folder
        await RunAsync("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", Path.Combine(_folder, "host"));
        await RunAsync("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", ClientKey);
        File.Copy(ClientKey + ".pub", Path.Combine(_folder, "authorized_keys"));
        // sshd reads authorized_keys as the user logging in: another local user (the remote host's) must reach it.
        File.SetUnixFileMode(_folder, (UnixFileMode)0b111_101_101);
        File.SetUnixFileMode(Path.Combine(_folder, "authorized_keys"), (UnixFileMode)0b110_100_100);
        Port = FreePort();
        var config = Path.Combine(_folder, "sshd_config");
        await File.WriteAllTextAsync(config, $"""
            Port {Port}
            ListenAddress 127.0.0.1
            HostKey {Path.Combine(_folder, "host")}
            PidFile {Path.Combine(_folder, "sshd.pid")}
            AuthorizedKeysFile {Path.Combine(_folder, "authorized_keys")}
            PasswordAuthentication no
            KbdInteractiveAuthentication no
            UsePAM no
            StrictModes no
            PermitRootLogin prohibit-password
            PrintMotd no
            AcceptEnv LANG LC_*
            """);
        _sshd = Process.Start(new ProcessStartInfo("/usr/sbin/sshd") { ArgumentList = { "-D", "-e", "-f", config }, RedirectStandardError = true })!;
        await Eventually.HoldsAsync(() => Task.FromResult(Accepts(Port)), up => up, "sshd to listen", TimeSpan.FromSeconds(20));
        await File.WriteAllTextAsync(KnownHosts, $"[127.0.0.1]:{Port} {(await File.ReadAllTextAsync(Path.Combine(_folder, "host.pub"))).Trim()}\n");
    }

    /// <summary>The ssh client's argv for a command on this server (<c>-tt</c>: a terminal, as a user's ssh gets).</summary>
    public IReadOnlyList<string> Ssh(string remoteCommand) =>
    [
        "ssh", "-tt", "-F", "/dev/null", "-p", $"{Port}", "-i", ClientKey, "-o", "IdentitiesOnly=yes", "-o", "BatchMode=yes",
        "-o", $"UserKnownHostsFile={KnownHosts}", "-o", "StrictHostKeyChecking=yes", $"{Environment.UserName}@127.0.0.1", remoteCommand,
    ];

    /// <summary>
    /// One word for the remote shell, whatever it holds: ssh joins its arguments into one command line that the remote
    /// shell splits again, so every value is single-quoted (a quote inside becomes '\'').
    /// </summary>
    public static string Quote(string word) => "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    private static bool Accepts(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task RunAsync(params string[] argv)
    {
        var result = await DemoCommand.RunAsync(argv, "/");
        if (!result.Succeeded)
            throw new InvalidOperationException($"{string.Join(' ', argv)} failed: {result.Output}");
    }

    public async ValueTask DisposeAsync()
    {
        if (_sshd is { HasExited: false })
        {
            _sshd.Kill(entireProcessTree: true);
            await _sshd.WaitForExitAsync();
        }
        Directory.Delete(_folder, recursive: true);
    }
}

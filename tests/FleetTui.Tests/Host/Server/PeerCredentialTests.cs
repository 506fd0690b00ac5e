using System.Net.Sockets;
using FleetTui.Core.Config;
using FleetTui.Core.Session;
using FleetTui.Core.Tests.Support;
using FleetTui.Host.Runtime;
using FleetTui.Host.Server;
using FleetTui.Terminal.Pty;
using FleetTui.Tests.Demo;
using Shouldly;
using Xunit;

namespace FleetTui.Tests.Host.Server;

/// <summary>
/// The host's last line of defence: even on a socket another user can reach (its private folder is the first line), the
/// kernel's word on the peer (SO_PEERCRED) decides, and a stranger gets nothing.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public class PeerCredentialTests
{
    [Fact]
    public async Task A_peer_of_another_user_is_refused_even_when_it_can_reach_the_socket()
    {
        using var repo = await TempRepo.CreateAsync();
        await repo.CommitFileAsync("fleet.toml", "[fleet]\nbase = \"main\"\n", "fleet");
        var runtime = new FleetRuntime(new UnixPtyHost(), "/bin/sh");
        await runtime.OpenAsync(new FleetSessionOptions
        {
            RepositoryDirectory = repo.Path, Config = ConfigLoader.Parse("[fleet]\nbase = \"main\"\n", Path.Combine(repo.Path, "fleet.toml")), Git = repo.Git,
        }, CancellationToken.None);
        var open = Path.Combine(repo.RootDir, "open");
        Directory.CreateDirectory(open);
        File.SetUnixFileMode(repo.RootDir, (UnixFileMode)0b111_101_101);
        File.SetUnixFileMode(open, (UnixFileMode)0b111_111_111);
        var socketPath = Path.Combine(open, "host.sock");
        var log = new HostLog(Path.Combine(repo.RootDir, "host.log"));
        await using var host = new FleetHost(runtime, new FleetHostOptions { Log = log, SocketPath = socketPath });
        using var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        listener.Bind(new UnixDomainSocketEndPoint(socketPath));
        File.SetUnixFileMode(socketPath, (UnixFileMode)0b110_110_110);
        listener.Listen(4);
        var serving = host.ListenAsync(listener);

        var nobody = await OtherUser.ConnectAsync(socketPath);

        // The host closes the connection at once: the peer reads nothing, or cannot even finish its hello.
        nobody.ShouldNotContain("welcome");
        nobody.ShouldMatch(@"received 0|Broken pipe|Connection reset");
        (await Eventually.ContainsAsync(() => File.ReadAllText(log.Path!), "refused a connection from uid 65534")).ShouldContain("its own user only");
        host.ClientCount.ShouldBe(0);
        host.RequestStop("test over");
        listener.Dispose();
        await serving;
    }
}

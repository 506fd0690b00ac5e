using System.Net.Sockets;
using FleetTui.Host.Client;
using FleetTui.Host.Protocol;
using FleetTui.Tests.Demo;
using Shouldly;
using Xunit;

namespace FleetTui.Tests.Host.Server;

/// <summary>The real fleet host process over its real Unix socket, with several clients at once.</summary>
[Collection(FleetHostCollection.Name)]
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public class FleetHostSocketTests
{
    private const string TwoShells = """
        [fleet]
        base = "main"
        agent = ["sh"]

        [[task]]
        name = "api"

        [[task]]
        name = "web"
        """;

    [Fact]
    public async Task Two_cockpits_see_the_same_pane_and_a_read_only_ones_keys_never_reach_the_agent()
    {
        await using var host = await RunningHost.StartAsync(TwoShells);
        await using var writer = await host.ConnectAsync();
        await using var watcher = await host.ConnectAsync(readOnly: true);
        var mine = (await RunningHost.ShowAsync(writer, 80, 20, "api", "web"))[0];
        var theirs = (await RunningHost.ShowAsync(watcher, 80, 20, "api"))[0];

        RunningHost.Type(watcher, "api", "echo watcher-$((40+2))\r");
        RunningHost.Type(writer, "api", "echo writer-$((40+2))\r");

        await RunningHost.ScreenAsync(mine, s => s.Contains("writer-42"), "the writer's command answered in its view");
        var seen = await RunningHost.ScreenAsync(theirs, s => s.Contains("writer-42"), "the same answer in the read-only view");
        seen.ShouldNotContain("watcher-42");
        RunningHost.Text(mine).ShouldNotContain("watcher");

        var refused = await watcher.RequestAsync(new HostRequest.RestartAgent("api", false));
        refused.Ok.ShouldBeFalse();
        refused.Message.ShouldContain("read-only");
    }

    [Fact]
    public async Task The_latest_active_cockpit_sizes_the_panes_and_the_other_sees_that_size_uncorrupted()
    {
        await using var host = await RunningHost.StartAsync(TwoShells);
        await using var small = await host.ConnectAsync();
        var smallView = (await RunningHost.ShowAsync(small, 60, 12, "api"))[0];
        await Eventually.HoldsAsync(() => Task.FromResult(smallView.Columns), c => c == 60, "api at the first cockpit's 60 columns");

        await using var large = await host.ConnectAsync();
        var largeView = (await RunningHost.ShowAsync(large, 100, 30, "api"))[0];
        await Eventually.HoldsAsync(() => Task.FromResult((smallView.Columns, smallView.Rows)), s => s == (100, 30), "the latest cockpit's size in the first one's view");

        // The small one types: it is the active client again, and the program's screen follows it.
        RunningHost.Type(small, "api", "tput cols\r");
        await RunningHost.ScreenAsync(largeView, s => s.Contains("\n60"), "the program seeing 60 columns, shown in the large view too");
        (largeView.Columns, largeView.Rows).ShouldBe((60, 12));
    }

    [Fact]
    public async Task A_client_that_breaks_the_protocol_is_dropped_with_a_logged_reason_and_others_go_on()
    {
        await using var host = await RunningHost.StartAsync(TwoShells);
        await using var good = await host.ConnectAsync();
        var view = (await RunningHost.ShowAsync(good, 80, 20, "api"))[0];

        using (var bad = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified))
        {
            await bad.ConnectAsync(new UnixDomainSocketEndPoint(host.Paths.Socket));
            // A frame that claims to be a gigabyte long: refused before anything is allocated for it.
            await bad.SendAsync(new byte[] { 0x40, 0, 0, 0, 1 });
            var buffer = new byte[4096];
            while (await bad.ReceiveAsync(buffer) > 0)
            {
            }
        }
        await Eventually.HoldsAsync(() => Task.FromResult(host.Log()), log => log.Contains("broke the protocol: frame of"), "the reason in the host's log");

        RunningHost.Type(good, "api", "echo still-$((1+1))\r");
        await RunningHost.ScreenAsync(view, s => s.Contains("still-2"), "the other client still served");
    }

    [Fact]
    public async Task A_client_of_another_protocol_version_is_refused_naming_both_versions()
    {
        await using var host = await RunningHost.StartAsync(TwoShells);
        var stream = await HostConnector.TryConnectAsync(host.Paths.Socket);

        var refusal = await Should.ThrowAsync<HostRefusedException>(() => HostClient.ConnectAsync(stream!, new ClientMessage.Hello(ProtocolVersion.Current + 1, ClientKind.Cli)));

        refusal.Message.ShouldContain($"protocol {ProtocolVersion.Current}");
        refusal.Message.ShouldContain("fleet host stop");
    }

    [Fact]
    public async Task The_protocol_travels_over_stdin_and_stdout_as_it_will_over_ssh()
    {
        await using var host = await RunningHost.StartAsync(TwoShells);
        var start = new System.Diagnostics.ProcessStartInfo(FleetExecutable.Argv()[0])
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = "/",
        };
        foreach (var arg in FleetExecutable.Argv().Skip(1).Concat(["host", "stdio", "--repo", host.Repo]))
            start.ArgumentList.Add(arg);
        foreach (var (name, value) in host.Environment)
            start.Environment[name] = value;
        using var bridge = System.Diagnostics.Process.Start(start)!;
        var stream = new FleetTui.Host.Transport.JoinedStream(bridge.StandardOutput.BaseStream, bridge.StandardInput.BaseStream);

        await using (var client = await HostClient.ConnectAsync(stream, new ClientMessage.Hello(ProtocolVersion.Current, ClientKind.Cockpit)))
        {
            var status = await client.RequestAsync(new HostRequest.Status());
            ((ReplyData.HostState)status.Data!).Status.Pid.ShouldBe(host.Pid);
            var pane = (await RunningHost.ShowAsync(client, 80, 20, "api"))[0];
            RunningHost.Type(client, "api", "echo over-stdio-$((2+3))\r");
            await RunningHost.ScreenAsync(pane, s => s.Contains("over-stdio-5"), "the answer through the bridge");
        }

        await bridge.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(20));
        bridge.ExitCode.ShouldBe(0);
    }

    [Fact]
    public async Task A_socket_removed_under_the_running_host_is_bound_again()
    {
        await using var host = await RunningHost.StartAsync(TwoShells);

        File.Delete(host.Paths.Socket);

        await Eventually.HoldsAsync(async () =>
        {
            await using var stream = await HostConnector.TryConnectAsync(host.Paths.Socket);
            return stream is not null;
        }, up => up, "the host to bind its socket again", TimeSpan.FromSeconds(40));
        await using var client = await host.ConnectAsync(ClientKind.Cli);
        ((ReplyData.HostState)(await client.RequestAsync(new HostRequest.Status())).Data!).Status.Pid.ShouldBe(host.Pid);
        host.Log().ShouldContain("was removed; bound it again");
    }

    [Fact]
    public async Task The_socket_and_its_folder_are_private_and_another_user_cannot_reach_them()
    {
        await using var host = await RunningHost.StartAsync(TwoShells);

        File.GetUnixFileMode(host.Paths.Folder).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        File.GetUnixFileMode(host.Paths.Socket).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.GetUnixFileMode(host.Paths.Log).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);

        var nobody = await OtherUser.ConnectAsync(host.Paths.Socket);
        nobody.ShouldContain("Permission denied");
    }
}

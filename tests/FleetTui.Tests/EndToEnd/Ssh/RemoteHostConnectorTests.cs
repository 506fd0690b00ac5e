using FleetTui.Core.Config;
using FleetTui.Core.Tests.Support;
using FleetTui.Host.Protocol;
using FleetTui.Host.Remote;
using FleetTui.Tests.Demo;
using FleetTui.Tests.Host;
using Shouldly;
using Xunit;

namespace FleetTui.Tests.EndToEnd.Ssh;

/// <summary>
/// The SSH transport against a real sshd on loopback and a second local user as the remote host: the remote fleet host
/// starts there and answers over ssh; every way it can fail is one clear message, with nothing started on either side.
/// </summary>
[Collection(CockpitEndToEndCollection.Name)]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public class RemoteHostConnectorTests
{
    [Fact]
    public async Task Connects_to_the_remote_clones_fleet_host_and_leaves_no_ssh_behind()
    {
        using var local = await TempRepo.CreateAsync();
        await using var remote = await RemoteMachine.StartAsync(local);
        var (connector, hostFolder) = Connector(local, remote);

        int remotePid, sshPid;
        await using (var connection = await connector.ConnectAsync(Host(remote), local.Path, ClientKind.Cli, CancellationToken.None))
        {
            var status = await connection.Client.RequestAsync(new HostRequest.Status());
            var state = status.Data.ShouldBeOfType<ReplyData.HostState>().Status;
            state.RepoRoot.ShouldBe(remote.ClonePath);
            remotePid = state.Pid;
            sshPid = connection.SshPid;
            connection.Client.Snapshot.Tasks.ShouldBeEmpty();
        }

        FleetHosts.IsAlive(sshPid).ShouldBeFalse("our ssh ended with the connection");
        // With no agent and no client the remote host has nothing to keep: it leaves on its own (as a local one does).
        await Eventually.HoldsAsync(() => Task.FromResult(FleetHosts.IsAlive(remotePid)), alive => !alive, "the idle remote host to leave");
        // Our control sockets live in a private folder of ours.
        File.GetUnixFileMode(Path.Combine(hostFolder, "ssh")).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    [Fact]
    public async Task An_unreachable_host_quotes_ssh_and_starts_nothing()
    {
        using var local = await TempRepo.CreateAsync();
        await using var remote = await RemoteMachine.StartAsync(local);
        var (connector, _) = Connector(local, remote);

        var error = await Should.ThrowAsync<RemoteHostException>(() =>
            connector.ConnectAsync(Host(remote, alias: RemoteMachine.DeadAlias), local.Path, ClientKind.Cli, CancellationToken.None));

        error.Message.ShouldStartWith($"cannot reach host 'box' over ssh ({RemoteMachine.DeadAlias}): ssh: connect to host 127.0.0.1 port ");
        error.Message.ShouldContain("Connection refused");
        error.Message.ShouldEndWith($"check that `ssh {RemoteMachine.DeadAlias}` works from this machine without a password prompt");
        NothingStarted(remote);
    }

    [Fact]
    public async Task A_host_without_fleet_says_to_install_it_or_set_its_path()
    {
        using var local = await TempRepo.CreateAsync();
        await using var remote = await RemoteMachine.StartAsync(local);
        var (connector, _) = Connector(local, remote);

        var error = await Should.ThrowAsync<RemoteHostException>(() =>
            connector.ConnectAsync(Host(remote, fleet: "/opt/nowhere/fleet"), local.Path, ClientKind.Cli, CancellationToken.None));

        error.Message.ShouldStartWith($"host 'box' ({RemoteMachine.Alias}) has no fleet at '/opt/nowhere/fleet' (");
        error.Message.ShouldContain("not found");
        error.Message.ShouldEndWith("install fleet there, or set fleet = \"/path/to/fleet\" in [hosts.box]");
        NothingStarted(remote);
    }

    [Fact]
    public async Task The_host_dash_dash_stdio_spelling_serves_the_same_protocol()
    {
        using var local = await TempRepo.CreateAsync();
        await using var remote = await RemoteMachine.StartAsync(local);
        var (connector, _) = Connector(local, remote);
        // A fleet reached as `fleet host --stdio --repo PATH` (the spelling) instead of `fleet host stdio --repo PATH`.
        var respelled = await remote.WriteScriptAsync("respelled-fleet", $"#!/bin/sh\nshift 2\nexec {LoopbackSshd.Quote(remote.Fleet)} host --stdio \"$@\"\n");

        await using var connection = await connector.ConnectAsync(Host(remote, fleet: respelled), local.Path, ClientKind.Cli, CancellationToken.None);

        (await connection.Client.RequestAsync(new HostRequest.Status())).Data.ShouldBeOfType<ReplyData.HostState>().Status.RepoRoot.ShouldBe(remote.ClonePath);
    }

    [Fact]
    public async Task A_remote_fleet_that_prints_something_else_is_a_clear_error_not_a_crash()
    {
        using var local = await TempRepo.CreateAsync();
        await using var remote = await RemoteMachine.StartAsync(local);
        var (connector, _) = Connector(local, remote);
        var chatty = await remote.WriteScriptAsync("chatty-fleet", "#!/bin/sh\necho 'Welcome to box! Have a nice day.'\nexec cat > /dev/null\n");

        var error = await Should.ThrowAsync<RemoteHostException>(() =>
            connector.ConnectAsync(Host(remote, fleet: chatty), local.Path, ClientKind.Cli, CancellationToken.None));

        error.Message.ShouldStartWith($"host 'box' ({RemoteMachine.Alias}) answered with something other than fleet's protocol (");
        error.Message.ShouldContain("a login script writing to stdout breaks it");
    }

    [Fact]
    public async Task A_path_that_is_no_repository_or_another_repository_is_refused_before_anything_starts()
    {
        using var local = await TempRepo.CreateAsync();
        await using var remote = await RemoteMachine.StartAsync(local);
        var (connector, _) = Connector(local, remote);

        var missing = await Should.ThrowAsync<RemoteHostException>(() =>
            connector.ConnectAsync(Host(remote, path: "/nonexistent/clone"), local.Path, ClientKind.Cli, CancellationToken.None));
        missing.Message.ShouldStartWith($"'/nonexistent/clone' on host 'box' ({RemoteMachine.Alias}) is not a git repository (");
        missing.Message.ShouldEndWith("clone this repository there (git clone <url> /nonexistent/clone) or fix 'path' in [hosts.box]");

        // Another history: two repositories made alike in the same second would share their root commit (commits are content).
        using var other = await TempRepo.CreateAsync(extraFiles: 1);
        var (otherConnector, _) = Connector(other, remote);
        var foreign = await Should.ThrowAsync<RemoteHostException>(() =>
            otherConnector.ConnectAsync(Host(remote), other.Path, ClientKind.Cli, CancellationToken.None));
        foreign.Message.ShouldStartWith($"'{remote.ClonePath}' on host 'box' ({RemoteMachine.Alias}) is a clone of another repository (its root commit ");
        foreign.Message.ShouldEndWith("point 'path' in [hosts.box] at a clone of this repository");
        NothingStarted(remote);
    }

    [Fact]
    public void An_unknown_host_name_lists_the_declared_ones()
    {
        var config = ConfigLoader.Parse("[hosts.box]\nssh = \"box\"\npath = \"/a\"\n[hosts.vm]\nssh = \"vm\"\npath = \"/a\"\n", "/repo/fleet.toml");
        Should.Throw<RemoteHostException>(() => RemoteHostConnector.Find(config, "gpu")).Message
            .ShouldBe("unknown host 'gpu' (fleet.toml declares: box, vm)");
        var none = ConfigLoader.Parse("", "/repo/fleet.toml");
        Should.Throw<RemoteHostException>(() => RemoteHostConnector.Find(none, "gpu")).Message
            .ShouldBe("unknown host 'gpu' (fleet.toml declares no [hosts.<name>]; add [hosts.gpu] with ssh = \"user@box\" and path = \"/path/to/clone\")");
    }

    [Fact]
    public void Remote_words_are_quoted_for_the_remote_shell_and_a_home_path_stays_expandable()
    {
        RemoteShellWord.Quote("/srv/my app").ShouldBe("'/srv/my app'");
        RemoteShellWord.Quote("it's; rm -rf ~").ShouldBe("'it'\\''s; rm -rf ~'");
        RemoteShellWord.Quote("~/src/app").ShouldBe("~/'src/app'");
        var settings = new SshSettings("/run/fleet/ssh", ConfigFile: null);
        var host = new RemoteHostConfig { Name = "box", Ssh = "me@box", Path = "~/src/app" };
        SshCommand.Argv(settings, host, SshCommand.HostStdio(host)).ShouldBe([
            "ssh", "-o", "BatchMode=yes", "-o", "ConnectTimeout=15", "-o", "ControlMaster=auto", "-o", "ControlPath=/run/fleet/ssh/%C",
            "-o", "ControlPersist=60", "-T", "--", "me@box", "'fleet'", "'host'", "'stdio'", "'--repo'", "~/'src/app'",
        ]);
    }

    private static void NothingStarted(RemoteMachine remote)
    {
        (Directory.Exists(remote.HostFolder) && Directory.EnumerateFileSystemEntries(remote.HostFolder).Any()).ShouldBeFalse("no remote host was started");
        Directory.Exists(Path.Combine(remote.ClonePath, ".git", "fleet")).ShouldBeFalse("nothing written in the remote clone");
    }

    private static RemoteHostConfig Host(RemoteMachine remote, string? alias = null, string? path = null, string? fleet = null) =>
        new() { Name = "box", Ssh = alias ?? RemoteMachine.Alias, Path = path ?? remote.ClonePath, Fleet = fleet ?? remote.Fleet };

    private static (RemoteHostConnector Connector, string HostFolder) Connector(TempRepo local, RemoteMachine remote)
    {
        var hostFolder = Path.Combine(local.RootDir, "hosts");
        var environment = remote.LocalEnvironment(hostFolder);
        var settings = SshSettings.FromEnvironment(name => environment.GetValueOrDefault(name));
        return (new RemoteHostConnector(settings, local.Git), hostFolder);
    }
}

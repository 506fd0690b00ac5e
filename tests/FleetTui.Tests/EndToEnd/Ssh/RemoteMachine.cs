using FleetTui.Core.Tests.Support;
using FleetTui.Demo;
using FleetTui.Host.Remote;
using FleetTui.Tests.Demo;
using FleetTui.Tests.Host;

namespace FleetTui.Tests.EndToEnd.Ssh;

/// <summary>
/// "The remote host" of a test: a second local user (<see cref="UserName"/>, created when the tests run as root and it
/// is missing; the current user otherwise) reached through a loopback sshd, holding a clone of the test repository
/// and a <c>fleet</c> that runs the build under test. The local side reaches it as the alias <see cref="Alias"/> of an
/// ssh config file (<see cref="SshSettings.ConfigVariable"/>), exactly as a user's ~/.ssh/config alias.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
internal sealed class RemoteMachine : IAsyncDisposable
{
    public const string UserName = "fleet-remote";
    public const string Alias = "remote-box";
    public const string DeadAlias = "dead-box";

    private static readonly SemaphoreSlim UserCreation = new(1, 1);
    private readonly LoopbackSshd _sshd;

    /// <summary>This side's files (ssh insists its config file belongs to the user running it).</summary>
    private readonly string _localFolder = Directory.CreateTempSubdirectory("fleet-local-ssh-").FullName;

    private RemoteMachine(LoopbackSshd sshd, string folder, string user)
    {
        _sshd = sshd;
        Folder = folder;
        User = user;
    }

    /// <summary>The remote user: <see cref="UserName"/> when the tests run as root, else the current user (a separate clone path).</summary>
    public string User { get; }

    /// <summary>Everything remote of this test: the clone, the fleet wrapper, the remote hosts' folder, the remote git home.</summary>
    public string Folder { get; }

    public string ClonePath => Path.Combine(Folder, "clone");

    public string Fleet => Path.Combine(Folder, "bin", "fleet");

    /// <summary>FLEET_HOST_DIR of the remote fleet: its host sockets, logs and info files.</summary>
    public string HostFolder => Path.Combine(Folder, "hosts");

    /// <summary>The local ssh config file naming <see cref="Alias"/> and <see cref="DeadAlias"/>.</summary>
    public string SshConfig => Path.Combine(_localFolder, "ssh-config");

    public static async Task<RemoteMachine> StartAsync(TempRepo local)
    {
        var user = FleetTui.Tests.Cli.FleetProcess.RunsAsRoot ? await EnsureUserAsync() : Environment.UserName;
        var folder = Directory.CreateTempSubdirectory("fleet-remote-").FullName;
        var sshd = await LoopbackSshd.StartAsync();
        var machine = new RemoteMachine(sshd, folder, user);
        try
        {
            await machine.PrepareAsync(local);
            return machine;
        }
        catch
        {
            await machine.DisposeAsync();
            throw;
        }
    }

    /// <summary>The [hosts.NAME] table for fleet.toml (the remote fleet is this test's wrapper unless <paramref name="fleet"/> says otherwise).</summary>
    public string HostToml(string name = "box", string? alias = null, string? path = null, string? fleet = null) => $"""

        [hosts.{name}]
        ssh = "{alias ?? Alias}"
        path = "{path ?? ClonePath}"
        fleet = "{fleet ?? Fleet}"

        """;

    /// <summary>The verbs' environment: the ssh config, and a control-socket folder of this test.</summary>
    public IReadOnlyDictionary<string, string?> LocalEnvironment(string localHostFolder) => new Dictionary<string, string?>
    {
        [SshSettings.ConfigVariable] = SshConfig,
        [FleetTui.Host.Server.HostPaths.FolderVariable] = localHostFolder,
    };

    /// <summary>A cockpit's environment in tmux: the test repository's git, <see cref="LocalEnvironment"/>, a plain shell.</summary>
    public Dictionary<string, string> CockpitEnvironment(TempRepo local, string localHostFolder)
    {
        var environment = local.Git.Options.Environment.Concat(LocalEnvironment(localHostFolder))
            .Where(kv => kv.Value is not null).ToDictionary(kv => kv.Key, kv => kv.Value!);
        environment["SHELL"] = "/bin/sh";
        environment["PS1"] = "$ ";
        environment["TERM"] = "xterm-256color";
        environment["LANG"] = "C.UTF-8";
        return environment;
    }

    private async Task PrepareAsync(TempRepo local)
    {
        var home = Path.Combine(Folder, "home");
        Directory.CreateDirectory(home);
        Directory.CreateDirectory(Path.Combine(Folder, "bin"));
        await File.WriteAllTextAsync(Path.Combine(home, ".gitconfig"), "[user]\n\tname = Remote\n\temail = remote@example.invalid\n[init]\n\tdefaultBranch = main\n");
        await RunAsync("git", "clone", "--quiet", local.Path, ClonePath);
        var dotnetRoot = Environment.GetEnvironmentVariable("DOTNET_ROOT") ?? "";
        // The remote user's fleet: this build, with the remote side's own environment (ssh carries none of ours).
        await File.WriteAllTextAsync(Fleet, $"""
            #!/bin/sh
            export HOME={LoopbackSshd.Quote(home)}
            export GIT_CONFIG_GLOBAL={LoopbackSshd.Quote(Path.Combine(home, ".gitconfig"))} GIT_CONFIG_NOSYSTEM=1
            export FLEET_HOST_DIR={LoopbackSshd.Quote(HostFolder)} FLEET_NO_SYSTEMD_RUN=1
            export SHELL=/bin/sh PS1='$ ' LANG=C.UTF-8 PATH={LoopbackSshd.Quote(Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin")}
            export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_CLI_HOME={LoopbackSshd.Quote(home)}
            {(dotnetRoot.Length > 0 ? $"export DOTNET_ROOT={LoopbackSshd.Quote(dotnetRoot)}" : "")}
            unset XDG_RUNTIME_DIR
            exec {string.Join(' ', FleetExecutable.Argv().Select(LoopbackSshd.Quote))} "$@"

            """);
        File.SetUnixFileMode(Fleet, (UnixFileMode)0b111_101_101);
        await File.WriteAllTextAsync(SshConfig, $"""
            Host {Alias}
              HostName 127.0.0.1
              Port {_sshd.Port}
              User {User}
              IdentityFile {_sshd.ClientKey}
              IdentitiesOnly yes
              UserKnownHostsFile {_sshd.KnownHosts}
              StrictHostKeyChecking yes
            Host {DeadAlias}
              HostName 127.0.0.1
              Port {LoopbackSshd.ClosedPort()}
              User {User}
              IdentityFile {_sshd.ClientKey}
              IdentitiesOnly yes
              UserKnownHostsFile {_sshd.KnownHosts}

            """);
        if (User != Environment.UserName)
            await RunAsync("chown", "-R", $"{User}:{User}", Folder);
    }

    /// <summary>An executable script of the remote user's (a stand-in for a broken or foreign fleet); its path.</summary>
    public async Task<string> WriteScriptAsync(string name, string text)
    {
        var path = Path.Combine(Folder, "bin", name);
        await File.WriteAllTextAsync(path, text);
        File.SetUnixFileMode(path, (UnixFileMode)0b111_101_101);
        if (User != Environment.UserName)
            await RunAsync("chown", $"{User}:{User}", path);
        return path;
    }

    private static async Task<string> EnsureUserAsync()
    {
        await UserCreation.WaitAsync();
        try
        {
            if ((await DemoCommand.RunAsync(["id", "-u", UserName], "/")).Succeeded)
                return UserName;
            await RunAsync("useradd", "--create-home", "--shell", "/bin/sh", UserName);
            // A new account's password is locked ('!'), and sshd refuses locked accounts even for keys: '*' is "no password".
            await RunAsync("usermod", "-p", "*", UserName);
            return UserName;
        }
        finally
        {
            UserCreation.Release();
        }
    }

    private static async Task RunAsync(params string[] argv)
    {
        var result = await DemoCommand.RunAsync(argv, "/");
        if (!result.Succeeded)
            throw new InvalidOperationException($"{string.Join(' ', argv)} failed: {result.Output}");
    }

    public async ValueTask DisposeAsync()
    {
        FleetHosts.StopAll(HostFolder);
        await _sshd.DisposeAsync(); // ends the shared ssh connections too
        Directory.Delete(_localFolder, recursive: true);
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A remote agent's last file: the folder is under /tmp and goes with it.
        }
    }
}

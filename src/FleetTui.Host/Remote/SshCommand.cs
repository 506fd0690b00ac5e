using FleetTui.Core.Config;

namespace FleetTui.Host.Remote;

/// <summary>The argv of an ssh to a remote host, and what ssh's exit says.</summary>
public static class SshCommand
{
    /// <summary>ssh exits 255 when it could not connect (or the connection failed); the remote command's own exit otherwise.</summary>
    public const int ConnectionFailed = 255;

    /// <summary>A POSIX shell's exit when the command is not found.</summary>
    public const int CommandNotFound = 127;

    /// <summary>
    /// <c>ssh [options] -T -- DEST word…</c>: argv, never a local shell; each remote word quoted for the remote shell.
    /// </summary>
    public static IReadOnlyList<string> Argv(SshSettings settings, RemoteHostConfig host, IReadOnlyList<string> remoteCommand) =>
        ["ssh", .. settings.Options(), "-T", "--", host.Ssh, .. remoteCommand.Select(RemoteShellWord.Quote)];

    /// <summary>The remote side of the host protocol: <c>fleet host stdio --repo PATH</c> (starts the host there when none runs).</summary>
    public static IReadOnlyList<string> HostStdio(RemoteHostConfig host) => [host.Fleet, "host", "stdio", "--repo", host.Path];

    /// <summary>The remote clone's root commits (what makes it a clone of this repository).</summary>
    public static IReadOnlyList<string> RootCommits(RemoteHostConfig host) => ["git", "-C", host.Path, "rev-list", "--max-parents=0", "HEAD"];
}

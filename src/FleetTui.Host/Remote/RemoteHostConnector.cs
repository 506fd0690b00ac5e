using FleetTui.Core.Config;
using FleetTui.Core.Git;
using FleetTui.Host.Client;
using FleetTui.Host.Protocol;
using FleetTui.Host.Transport;

namespace FleetTui.Host.Remote;

/// <summary>
/// Reaches a remote host's fleet host: first checks over ssh that its path is a clone of this repository (same root
/// commit), then runs <c>fleet host stdio</c> there (which starts the host the way a local one starts, so agents
/// outlive the connection) and speaks the host protocol over ssh's stdin and stdout. Every failure is a
/// <see cref="RemoteHostException"/> naming the fix; nothing is created on either side before both checks pass.
/// </summary>
public sealed class RemoteHostConnector(SshSettings settings, GitCli git)
{
    private static readonly TimeSpan ExitWait = TimeSpan.FromSeconds(5);

    /// <summary>How long the remote side has to answer the hello (it may be starting its host first).</summary>
    public static readonly TimeSpan HandshakeTimeout = TimeSpan.FromSeconds(45);

    /// <summary>The host named <paramref name="name"/> in fleet.toml, or a message naming the declared ones.</summary>
    public static RemoteHostConfig Find(FleetConfig config, string name)
    {
        if (config.Hosts.TryGetValue(name, out var host))
            return host;
        var known = config.Hosts.Count == 0
            ? $"{Path.GetFileName(config.SourcePath)} declares no [hosts.<name>]; add [hosts.{name}] with ssh = \"user@box\" and path = \"/path/to/clone\""
            : $"{Path.GetFileName(config.SourcePath)} declares: {string.Join(", ", config.Hosts.Keys.Order(StringComparer.Ordinal))}";
        throw new RemoteHostException($"unknown host '{name}' ({known})");
    }

    public Task<RemoteHostConnection> ConnectAsync(RemoteHostConfig host, string localRoot, ClientKind kind, CancellationToken cancellationToken) =>
        ConnectAsync(host, localRoot, new ClientMessage.Hello(ProtocolVersion.Current, kind), cancellationToken);

    /// <summary>As above, with the client's own hello (a cockpit's: read-only or not, its theme's colours).</summary>
    public async Task<RemoteHostConnection> ConnectAsync(RemoteHostConfig host, string localRoot, ClientMessage.Hello hello, CancellationToken cancellationToken)
    {
        settings.EnsureControlFolder();
        await CheckSameRepositoryAsync(host, localRoot, cancellationToken).ConfigureAwait(false);

        var ssh = SshProcess.Start(SshCommand.Argv(settings, host, SshCommand.HostStdio(host)));
        // Starting the remote host may take its own start timeout (20 s); a remote that never answers must not hold us forever.
        using var handshake = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        handshake.CancelAfter(HandshakeTimeout);
        try
        {
            var stream = new JoinedStream(ssh.Output, ssh.Input);
            var client = await HostClient.ConnectAsync(stream, hello, handshake.Token).ConfigureAwait(false);
            return new RemoteHostConnection(host, client, ssh);
        }
        catch (Exception error) when (error is ProtocolException or EndOfStreamException
                                          || (error is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            var said = ssh.Stderr;
            await ssh.DisposeAsync().ConfigureAwait(false);
            throw new RemoteHostException(error is OperationCanceledException
                ? $"the fleet on host '{host.Name}' ({host.Ssh}) did not answer within {HandshakeTimeout.TotalSeconds:0} s{(said.Length > 0 ? $" ({LastLine(said)})" : "")}"
                : $"host '{host.Name}' ({host.Ssh}) answered with something other than fleet's protocol ({error.Message}); " +
                  $"check that `ssh {host.Ssh} {host.Fleet} host stdio` prints nothing else (a login script writing to stdout breaks it), " +
                  $"and that '{host.Fleet}' is fleet");
        }
        catch (HostRefusedException refused)
        {
            var exit = await ssh.ExitWithinAsync(ExitWait).ConfigureAwait(false);
            var said = ssh.Stderr;
            await ssh.DisposeAsync().ConfigureAwait(false);
            throw new RemoteHostException(Explain(host, exit, said, refused.Message), exit == SshCommand.ConnectionFailed ? LastLine(said) : null);
        }
        catch
        {
            await ssh.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>The remote path answers with a root commit this repository has too; else nothing is started there.</summary>
    private async Task CheckSameRepositoryAsync(RemoteHostConfig host, string localRoot, CancellationToken cancellationToken)
    {
        var (exit, output, error) = await SshProcess.RunAsync(SshCommand.Argv(settings, host, SshCommand.RootCommits(host)), cancellationToken).ConfigureAwait(false);
        if (exit == SshCommand.ConnectionFailed)
            throw new RemoteHostException(Unreachable(host, error), LastLine(error));
        if (exit == SshCommand.CommandNotFound)
            throw new RemoteHostException($"host '{host.Name}' ({host.Ssh}) has no git on its PATH ({LastLine(error)}); install git there");
        if (exit != 0)
        {
            throw new RemoteHostException(
                $"'{host.Path}' on host '{host.Name}' ({host.Ssh}) is not a git repository ({LastLine(error)}); clone this repository there " +
                $"(git clone <url> {host.Path}) or fix 'path' in [hosts.{host.Name}]");
        }
        var remoteRoots = Lines(output);
        var localRoots = Lines(await git.RunAsync(localRoot, ["rev-list", "--max-parents=0", "HEAD"], cancellationToken).ConfigureAwait(false));
        if (!remoteRoots.Overlaps(localRoots))
        {
            throw new RemoteHostException(
                $"'{host.Path}' on host '{host.Name}' ({host.Ssh}) is a clone of another repository (its root commit {Short(remoteRoots)}, " +
                $"this repository's {Short(localRoots)}); point 'path' in [hosts.{host.Name}] at a clone of this repository");
        }
    }

    private static string Explain(RemoteHostConfig host, int? exit, string said, string refusal) => exit switch
    {
        SshCommand.ConnectionFailed => Unreachable(host, said),
        SshCommand.CommandNotFound =>
            $"host '{host.Name}' ({host.Ssh}) has no fleet at '{host.Fleet}' ({LastLine(said)}); install fleet there, " +
            $"or set fleet = \"/path/to/fleet\" in [hosts.{host.Name}]",
        null => $"the fleet on host '{host.Name}' ({host.Ssh}) refused the connection: {RemoteVersionHint(refusal)}",
        _ when said.Contains("stdio", StringComparison.Ordinal) && said.Contains("nrecognized", StringComparison.Ordinal) =>
            $"the fleet on host '{host.Name}' ({host.Ssh}) is too old to serve remote tasks (it has no `fleet host stdio`): {LastLine(said)}; " +
            "install this fleet's version there",
        _ => $"the fleet on host '{host.Name}' ({host.Ssh}) did not start its host (exit {exit}): {(said.Length > 0 ? LastLine(said) : refusal)}",
    };

    private static string RemoteVersionHint(string refusal) =>
        refusal.Contains("protocol", StringComparison.Ordinal)
            ? refusal.Replace("the running fleet host", "the remote fleet host", StringComparison.Ordinal) + " (or install this fleet's version there)"
            : refusal;

    private static string Unreachable(RemoteHostConfig host, string said) =>
        $"cannot reach host '{host.Name}' over ssh ({host.Ssh}): {(said.Length > 0 ? LastLine(said) : "ssh failed without a message")}; " +
        $"check that `ssh {host.Ssh}` works from this machine without a password prompt";

    private static string LastLine(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? "no message";

    private static HashSet<string> Lines(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);

    private static string Short(IEnumerable<string> commits) => string.Join(", ", commits.Select(c => c.Length > 12 ? c[..12] : c));
}

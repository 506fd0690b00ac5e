using FleetTui.Cli.Access;
using FleetTui.Core.Config;
using FleetTui.Core.Git;
using FleetTui.Host.Protocol;
using FleetTui.Host.Remote;

namespace FleetTui.Cli.Remote;

/// <summary>
/// What verbs share to reach a remote host's fleet: the host named in fleet.toml, connected over ssh (see
/// <see cref="RemoteHostConnector"/>). Nothing local is opened or written: the local session and its lock stay untouched.
/// </summary>
public static class RemoteWorkspace
{
    /// <summary>The remote host's fleet as an <see cref="IFleetAccess"/>; on a problem, writes it to stderr and returns the exit code.</summary>
    public static async Task<(IFleetAccess? Fleet, int ExitCode)> OpenAsync(
        CliContext context, RepositoryFacts repository, FleetConfig config, string hostName, CancellationToken cancellationToken)
    {
        RemoteHostConfig host;
        try
        {
            host = RemoteHostConnector.Find(config, hostName);
        }
        catch (RemoteHostException error)
        {
            await context.Error.WriteLineAsync($"fleet: {error.Message}");
            return (null, ExitCodes.Usage);
        }
        try
        {
            var connection = await Connector(context).ConnectAsync(host, repository.Root, ClientKind.Cli, cancellationToken);
            return (HostFleetAccess.Over(connection.Client, connection, host.Name), ExitCodes.Ok);
        }
        catch (RemoteHostException error)
        {
            await context.Error.WriteLineAsync($"fleet: {error.Message}");
            return (null, ExitCodes.Failed);
        }
    }

    public static RemoteHostConnector Connector(CliContext context) =>
        new(SshSettings.FromEnvironment(context.Variable), FleetWorkspace.GitFor(context));
}

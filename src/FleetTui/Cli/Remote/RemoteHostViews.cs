using FleetTui.Core.Config;
using FleetTui.Host.Protocol;
using FleetTui.Host.Remote;

namespace FleetTui.Cli.Remote;

/// <summary>Asks every configured remote host at once (each over its own ssh) for its tasks and status.</summary>
public static class RemoteHostViews
{
    public static async Task<IReadOnlyList<RemoteHostView>> ReadAllAsync(CliContext context, string localRoot, FleetConfig config, CancellationToken cancellationToken)
    {
        var connector = RemoteWorkspace.Connector(context);
        var views = config.Hosts.Values.OrderBy(h => h.Name, StringComparer.Ordinal)
            .Select(host => ReadAsync(connector, host, localRoot, cancellationToken));
        return await Task.WhenAll(views);
    }

    private static async Task<RemoteHostView> ReadAsync(RemoteHostConnector connector, RemoteHostConfig host, string localRoot, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await connector.ConnectAsync(host, localRoot, ClientKind.Cli, cancellationToken).ConfigureAwait(false);
            await connection.Client.RequestAsync(new HostRequest.RefreshStatus(), cancellationToken: cancellationToken).ConfigureAwait(false);
            var state = await connection.Client.RequestAsync(new HostRequest.CurrentSnapshot(), cancellationToken: cancellationToken).ConfigureAwait(false);
            var snapshot = state.Data is ReplyData.State { Body: var body } ? body.ToSnapshot(connection.Client.Snapshot.Config) : connection.Client.Snapshot;
            var status = (await connection.Client.RequestAsync(new HostRequest.Status(), cancellationToken: cancellationToken).ConfigureAwait(false)).Data
                is ReplyData.HostState { Status: var s } ? s : null;
            return new RemoteHostView(host, snapshot, status, null);
        }
        catch (RemoteHostException error)
        {
            return new RemoteHostView(host, null, null, error.Message);
        }
        catch (Exception error) when (error is FleetTui.Host.Client.HostConnectionLostException or IOException)
        {
            return new RemoteHostView(host, null, null, $"the connection to host '{host.Name}' was lost: {error.Message}");
        }
    }
}

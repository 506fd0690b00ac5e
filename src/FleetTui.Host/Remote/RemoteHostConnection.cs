using FleetTui.Core.Config;
using FleetTui.Host.Client;

namespace FleetTui.Host.Remote;

/// <summary>A client of a remote fleet host and the ssh that carries it; disposing detaches (the agents there go on) and ends ssh.</summary>
public sealed class RemoteHostConnection(RemoteHostConfig host, HostClient client, SshProcess ssh) : IAsyncDisposable
{
    public RemoteHostConfig Host => host;

    public HostClient Client => client;

    /// <summary>The local ssh client's pid (tests kill it as a dropped network would).</summary>
    public int SshPid => ssh.Pid;

    public async ValueTask DisposeAsync()
    {
        await client.DisposeAsync().ConfigureAwait(false);
        await ssh.DisposeAsync().ConfigureAwait(false);
    }
}

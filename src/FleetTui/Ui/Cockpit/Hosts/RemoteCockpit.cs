using FleetTui.Core.Config;
using FleetTui.Core.Git;
using FleetTui.Host.Protocol;
using FleetTui.Host.Remote;

namespace FleetTui.Ui.Cockpit.Hosts;

/// <summary>Widens a cockpit's session to the remote hosts fleet.toml declares, each reached over ssh in the background.</summary>
public static class RemoteCockpit
{
    /// <summary>A session over the local host and every remote host, already connecting to them; null without <c>[hosts.&lt;name&gt;]</c>.</summary>
    public static MultiHostCockpitSession? Open(
        HostCockpitSession local, FleetConfig config, string localRoot, ClientMessage.Hello hello, Func<string, string?> variable)
    {
        if (config.Hosts.Count == 0)
            return null;
        var connector = new RemoteHostConnector(SshSettings.FromEnvironment(variable), new GitCli());
        var links = config.Hosts.Values.OrderBy(h => h.Name, StringComparer.Ordinal)
            .Select(host => new RemoteHostLink(host.Name, token => connector.ConnectAsync(host, localRoot, hello, token), hello.ReadOnly))
            .ToList();
        var creation = new RemoteTaskCreation(new RemoteBasePusher(SshSettings.FromEnvironment(variable), new GitCli()));
        var session = new MultiHostCockpitSession(local, links, creation);
        session.Start();
        return session;
    }
}

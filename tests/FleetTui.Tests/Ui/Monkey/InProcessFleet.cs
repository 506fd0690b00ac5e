using FleetTui.Core.Config;
using FleetTui.Core.Session;
using FleetTui.Core.Tests.Support;
using FleetTui.Host.Client;
using FleetTui.Host.Protocol;
using FleetTui.Host.Runtime;
using FleetTui.Host.Server;
using FleetTui.Terminal.Pty;
using FleetTui.Ui.Cockpit;

namespace FleetTui.Tests.Ui.Monkey;

/// <summary>
/// The real fleet host in this process, on a real temporary repository with agents on real PTYs, and a cockpit session
/// connected to it through the protocol (an in-memory pipe instead of the socket): everything but the terminal is real.
/// </summary>
internal sealed class InProcessFleet : IAsyncDisposable
{
    private TempRepo? _repo;
    private FleetRuntime? _runtime;
    private FleetHost? _host;

    public HostCockpitSession Session { get; private set; } = null!;

    public FleetRuntime Runtime => _runtime!;

    /// <summary>The host's log (what it says when it closes a client, say).</summary>
    public string LogPath { get; private set; } = "";

    public string Log => File.Exists(LogPath) ? File.ReadAllText(LogPath) : "";

    public static async Task<InProcessFleet> OpenAsync(string fleetToml)
    {
        var fleet = new InProcessFleet();
        fleet._repo = await TempRepo.CreateAsync();
        await fleet._repo.CommitFileAsync("fleet.toml", fleetToml, "fleet");
        var config = ConfigLoader.Parse(fleetToml, Path.Combine(fleet._repo.Path, "fleet.toml"));
        fleet._runtime = new FleetRuntime(new UnixPtyHost(), "/bin/sh") { StopStep = TimeSpan.FromMilliseconds(300) };
        await fleet._runtime.OpenAsync(new FleetSessionOptions { RepositoryDirectory = fleet._repo.Path, Config = config, Git = fleet._repo.Git }, CancellationToken.None);
        fleet._host = new FleetHost(fleet._runtime, new FleetHostOptions { Log = new HostLog(fleet.LogPath = Path.Combine(fleet._repo.RootDir, "host.log")) });
        var client = await HostClient.ConnectAsync(fleet._host.ConnectInProcess(), new ClientMessage.Hello(ProtocolVersion.Current, ClientKind.Cockpit));
        fleet.Session = new HostCockpitSession(client, readOnly: false);
        return fleet;
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
            await _host.DisposeAsync();
        _runtime?.Dispose();
        _repo?.Dispose();
    }
}

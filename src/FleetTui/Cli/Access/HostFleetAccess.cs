using FleetTui.Core.Session;
using FleetTui.Host.Client;
using FleetTui.Host.Protocol;

namespace FleetTui.Cli.Access;

/// <summary>The running fleet host answers the verb: every command is a request, and the snapshot is fetched after each.</summary>
public sealed class HostFleetAccess : IFleetAccess
{
    private readonly HostClient _client;
    private SessionSnapshot _current;

    private readonly IAsyncDisposable? _transport;

    private HostFleetAccess(HostClient client, IAsyncDisposable? transport = null)
    {
        _client = client;
        _transport = transport;
        _current = client.Snapshot;
    }

    /// <summary>Over a client already connected (a remote host's, through ssh); disposing disposes <paramref name="transport"/>, which owns the client.</summary>
    public static HostFleetAccess Over(HostClient client, IAsyncDisposable transport, string remoteHost) => new(client, transport) { RemoteHost = remoteHost };

    /// <summary>The [hosts.&lt;name&gt;] this fleet runs on; null for this machine's.</summary>
    public string? RemoteHost { get; private init; }

    public bool IsRemote => RemoteHost is not null;

    public static async Task<HostFleetAccess> ConnectAsync(Stream stream, CancellationToken cancellationToken)
    {
        var client = await HostClient.ConnectAsync(stream, new ClientMessage.Hello(ProtocolVersion.Current, ClientKind.Cli), cancellationToken).ConfigureAwait(false);
        return new HostFleetAccess(client);
    }

    public bool ThroughHost => true;

    public SessionSnapshot Current => _current;

    public async Task<CommandResult> SendAsync(SessionCommand command)
    {
        var request = command switch
        {
            SessionCommand.CreateTask c => new HostRequest.CreateTask(c.Name),
            SessionCommand.NewTask n => new HostRequest.NewTask(n.Name, n.Branch, n.Base, n.DependsOn, n.Agent, n.Ports, n.Repos, n.RepoBases),
            SessionCommand.DestroyTask d => new HostRequest.DestroyTask(d.Name, d.Force),
            SessionCommand.RefreshStatus => new HostRequest.RefreshStatus(),
            SessionCommand.SetPhase p => new HostRequest.SetPhase(p.Name, p.Phase, p.Note),
            SessionCommand.MarkDone m => new HostRequest.MarkDone(m.Name),
            SessionCommand.AcceptScope a => new HostRequest.AcceptScope(a.Name),
            SessionCommand.Prune => (HostRequest)new HostRequest.Prune(),
            _ => throw new ArgumentException($"{command.GetType().Name} is not a command a CLI verb sends", nameof(command)),
        };
        return await RequestAsync(request).ConfigureAwait(false);
    }

    /// <summary>The host's own status: pid, clients, agents.</summary>
    public async Task<HostStatus?> StatusAsync(CancellationToken cancellationToken) =>
        (await _client.RequestAsync(new HostRequest.Status(), cancellationToken: cancellationToken).ConfigureAwait(false)).Data
            is ReplyData.HostState { Status: var status } ? status : null;

    /// <summary>Starts, stops or restarts a task's services in the host (<paramref name="action"/>: start, stop, restart).</summary>
    public Task<CommandResult> ControlServicesAsync(string task, string? service, string action) =>
        RequestAsync(new HostRequest.Services(task, service, action));

    /// <summary>The host reads fleet.toml again (a verb may have edited it, or the user).</summary>
    public Task<CommandResult> ReloadConfigAsync() => RequestAsync(new HostRequest.ReloadConfig());

    public Task<CommandResult> DestroyAsync(string task, bool force, bool stopAgent) =>
        RequestAsync(new HostRequest.DestroyTask(task, force, StopRunningAgent: stopAgent));

    public async Task<MergePlanView> PlanMergeAsync(CancellationToken cancellationToken)
    {
        var reply = await _client.RequestAsync(new HostRequest.PlanMerge(), cancellationToken: cancellationToken).ConfigureAwait(false);
        return reply.Data is ReplyData.Plan { View: var view } ? view with { BaseBranch = _current.BaseBranch }
            : throw new HostConnectionLostException($"the fleet host could not plan the merge: {reply.Message}");
    }

    public async Task<MergeReportView?> MergeAsync(IReadOnlyList<string>? only, Action<string> onStep, CancellationToken cancellationToken)
    {
        var reply = await _client.RequestAsync(new HostRequest.Merge(only, Wait: true), onStep, cancellationToken).ConfigureAwait(false);
        await RefreshAsync().ConfigureAwait(false);
        return reply.Data is ReplyData.Report { View: var report } ? report : null;
    }

    public async Task<GateState?> RunGateAsync(string task, CancellationToken cancellationToken)
    {
        await _client.RequestAsync(new HostRequest.RunGate(task, Wait: true), cancellationToken: cancellationToken).ConfigureAwait(false);
        await RefreshAsync().ConfigureAwait(false);
        return _current.FindTask(task)?.Gate;
    }

    public async Task<Core.Review.TaskDiffText?> ReadDiffAsync(string task, CancellationToken cancellationToken) =>
        (await _client.RequestAsync(new HostRequest.Diff(task), cancellationToken: cancellationToken).ConfigureAwait(false)).Data is ReplyData.DiffText { Diff: var diff }
            ? diff
            : null;

    private async Task<CommandResult> RequestAsync(HostRequest request)
    {
        var reply = await _client.RequestAsync(request).ConfigureAwait(false);
        await RefreshAsync().ConfigureAwait(false);
        return reply.Ok ? CommandResult.Ok(reply.Message, reply.Details) : CommandResult.Failed(reply.Message, reply.Details);
    }

    /// <summary>The snapshot as of now: asked for after a command, so it includes the command's changes.</summary>
    private async Task RefreshAsync()
    {
        var reply = await _client.RequestAsync(new HostRequest.CurrentSnapshot()).ConfigureAwait(false);
        if (reply.Data is ReplyData.State { Body: var body })
            _current = body.ToSnapshot(_client.Snapshot.Config);
    }

    public ValueTask DisposeAsync() => _transport is not null ? _transport.DisposeAsync() : _client.DisposeAsync();
}

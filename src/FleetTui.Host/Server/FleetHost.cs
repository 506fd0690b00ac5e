using System.Net.Sockets;
using FleetTui.Host.Panes;
using FleetTui.Host.Protocol;
using FleetTui.Host.Runtime;
using FleetTui.Host.Transport;

namespace FleetTui.Host.Server;

/// <summary>
/// The fleet host: one per repository. It owns the <see cref="FleetRuntime"/> (the session, the agents on their PTYs,
/// their emulators, detection, the merge queue) and serves any number of clients, cockpits and CLI verbs, over a Unix
/// socket or an in-process pipe. Clients come and go; the agents stay until the host is told to stop them.
/// <para>
/// Pane sizes follow tmux's "latest active client" rule: the cockpit whose user last typed, clicked, attached or changed
/// its layout sizes every pane it shows. Another cockpit shows those panes at that size, cropped or with room to spare,
/// never reflowed into a corrupt screen. Read-only clients never size anything.
/// </para>
/// </summary>
public sealed class FleetHost : IAsyncDisposable
{
    private readonly FleetHostOptions _options;
    private readonly Lock _lock = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly HostRequestHandler _requests;
    private HostConnection[] _connections = [];
    private HostConnection? _active;
    private int _stopRequested;

    public FleetHost(FleetRuntime runtime, FleetHostOptions? options = null)
    {
        Runtime = runtime;
        _options = options ?? new FleetHostOptions();
        _requests = new HostRequestHandler(this);
        runtime.SnapshotChanged += () => ForEach(c => c.SnapshotChanged());
        runtime.Merges.ActivityChanged += () => ForEach(c => c.ActivityChanged());
        runtime.TerminalChanged += OnTerminalChanged;
        foreach (var (task, _) in runtime.Terminals)
            OnTerminalChanged(task);
    }

    public FleetRuntime Runtime { get; }

    public HostLog Log => _options.Log;

    public string? SocketPath => _options.SocketPath;

    public DateTimeOffset StartedAt { get; } = DateTimeOffset.UtcNow;

    /// <summary>Completes once the host stopped (asked to, or idle with <see cref="FleetHostOptions.ExitWhenIdle"/>).</summary>
    public Task Completion => _stopped.Task;

    public int ClientCount => Volatile.Read(ref _connections).Length;

    internal HostMessage.Welcome Welcome() => new(ProtocolVersion.Current, Environment.ProcessId, Runtime.Repository.Root, StartedAt);

    /// <summary>A client end connected to this host in memory (the same protocol as the socket).</summary>
    public Stream ConnectInProcess()
    {
        var (host, client) = DuplexPipe.Create();
        Serve(host, "in-process");
        return client;
    }

    /// <summary>Accepts clients on a listening Unix socket until the host stops; peers of another user are refused.</summary>
    public async Task ListenAsync(Socket listener)
    {
        while (!_stopping.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await listener.AcceptAsync(_stopping.Token).ConfigureAwait(false);
            }
            catch (Exception error) when (error is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }
            var peer = PeerCredentials.Of(socket);
            if (peer is not { } credentials || credentials.Uid != PeerCredentials.CurrentUser)
            {
                Log.Write($"refused a connection from uid {peer?.Uid.ToString() ?? "unknown"} (pid {peer?.Pid.ToString() ?? "?"}): the host serves its own user only");
                socket.Dispose();
                continue;
            }
            Serve(new NetworkStream(socket, ownsSocket: true), $"pid {credentials.Pid}");
        }
    }

    private void Serve(Stream stream, string peer)
    {
        var connection = new HostConnection(this, stream, peer, _options.FrameInterval);
        lock (_lock)
            _connections = [.. _connections, connection];
        _ = Task.Run(() => connection.RunAsync(_stopping.Token));
    }

    internal void OnHello(HostConnection connection) => Log.Write($"{connection}: attached");

    internal void OnView(HostConnection connection)
    {
        if (connection.Kind != ClientKind.Cockpit || connection.ReadOnly)
            return;
        lock (_lock)
        {
            connection.LastActive = TimeProvider.System.GetTimestamp();
            _active = connection;
            if (!Runtime.Started)
                Runtime.Start(connection.View.ToDictionary(p => p.Task, p => (p.Columns, p.Rows), StringComparer.Ordinal));
            ApplySizes(connection);
        }
    }

    internal void OnInput(HostConnection connection, ClientMessage input)
    {
        if (connection.ReadOnly || connection.Kind != ClientKind.Cockpit)
            return;
        lock (_lock)
        {
            connection.LastActive = TimeProvider.System.GetTimestamp();
            if (_active != connection)
            {
                _active = connection;
                ApplySizes(connection);
            }
        }
        connection.InputArrived();
        switch (input)
        {
            case ClientMessage.KeyPress key:
                Runtime.SendKey(key.Task, key.ToInput());
                break;
            case ClientMessage.Paste paste:
                Runtime.Paste(paste.Task, paste.Text);
                break;
            case ClientMessage.MouseInput mouse:
                Runtime.SendMouse(mouse.Task, mouse.ToEvent());
                break;
            case ClientMessage.FocusChange focus:
                Runtime.SendFocus(focus.Task, focus.Focused);
                break;
        }
    }

    internal void OnDisconnected(HostConnection connection)
    {
        bool idle;
        lock (_lock)
        {
            _connections = [.. _connections.Where(c => c != connection)];
            if (_active == connection)
            {
                _active = _connections.Where(c => c is { Kind: ClientKind.Cockpit, ReadOnly: false, HasView: true }).MaxBy(c => c.LastActive);
                if (_active is not null)
                    ApplySizes(_active);
            }
            idle = _connections.Length == 0;
        }
        if (!connection.Greeted)
            return; // a probe (is anyone there?) that never said hello: neither news nor a reason to stop
        Log.Write($"{connection}: detached");
        if (idle && _options.ExitWhenIdle && !Runtime.Terminals.Any(t => t.Terminal.IsRunning))
            RequestStop("the last client left and no agent runs");
    }

    internal Task<HostMessage> HandleAsync(HostConnection connection, long id, HostRequest request) =>
        _requests.HandleAsync(connection, id, request);

    /// <summary>Under the lock: the active client's pane sizes become the programs' terminal sizes, its colours their palette.</summary>
    private void ApplySizes(HostConnection connection)
    {
        if (connection.Colors is { } colors)
            Runtime.SetColors(colors);
        foreach (var pane in connection.View)
        {
            if (pane.Columns > 0 && pane.Rows > 0)
                Runtime.Resize(pane.Task, pane.Columns, pane.Rows);
        }
        foreach (var client in _connections)
            client.ScreensChanged();
    }

    /// <summary>A task got a new terminal, or lost its own (destroyed): clients get the new screen, or drop the old one.</summary>
    private void OnTerminalChanged(string task)
    {
        if (Runtime.TerminalFor(task) is { } terminal)
        {
            // A terminal is announced again when its agent restarts in it: subscribe once.
            terminal.Output -= OnOutput;
            terminal.Exited -= ScreensChanged;
            terminal.Output += OnOutput;
            terminal.Exited += ScreensChanged;
        }
        ScreensChanged();
    }

    private void OnOutput(int bytes) => ScreensChanged();

    private void ScreensChanged() => ForEach(c => c.ScreensChanged());

    private void ForEach(Action<HostConnection> action)
    {
        foreach (var connection in Volatile.Read(ref _connections))
            action(connection);
    }

    /// <summary>
    /// Stops the host: the agents are stopped first (hung up, then terminated), then every client is told why and let
    /// go, so a client that sees its connection close knows the agents are gone.
    /// </summary>
    public void RequestStop(string reason)
    {
        if (Interlocked.Exchange(ref _stopRequested, 1) == 1)
            return;
        Log.Write($"stopping: {reason}");
        _ = Task.Run(async () =>
        {
            try
            {
                await Task.Run(Runtime.Dispose).ConfigureAwait(false);
            }
            catch (Exception error)
            {
                Log.Write($"stopping the runtime failed: {error}");
            }
            HostConnection[] connections;
            lock (_lock)
                connections = [.. _connections];
            foreach (var connection in connections)
                connection.Close($"the fleet host stopped: {reason}");
            await _stopping.CancelAsync().ConfigureAwait(false);
            await Task.WhenAll(connections.Select(c => c.Finished)).WaitAsync(TimeSpan.FromSeconds(3)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            _stopped.TrySetResult();
        });
    }

    public async ValueTask DisposeAsync()
    {
        RequestStop("disposed");
        await _stopped.Task.ConfigureAwait(false);
        _stopping.Dispose();
    }
}

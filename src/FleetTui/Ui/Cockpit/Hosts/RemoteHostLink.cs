using FleetTui.Core.Session;
using FleetTui.Host.Client;
using FleetTui.Host.Protocol;
using FleetTui.Host.Protocol.Screens;
using FleetTui.Host.Remote;

namespace FleetTui.Ui.Cockpit.Hosts;

/// <summary>
/// The cockpit's connection to one remote host's fleet host, kept up on its own: it connects in the background, and when
/// the connection drops (ssh killed, network gone) it tries again after 1 s, doubling up to <see cref="MaxDelay"/>. While
/// down it keeps the last snapshot and the panes' last screens; once back it sends the cockpit's view again, and the
/// host answers with the current screens. Nothing here runs on, or blocks, the UI thread: calls post or return at once.
/// </summary>
public sealed class RemoteHostLink : IAsyncDisposable
{
    public static readonly TimeSpan FirstDelay = TimeSpan.FromSeconds(1);

    public static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(30);

    private readonly Func<CancellationToken, Task<RemoteHostConnection>> _connect;
    private readonly bool _readOnly;
    private readonly TimeProvider _time;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _lock = new();
    private Dictionary<string, PaneMirror> _lastScreens = new(StringComparer.Ordinal);
    private RemoteHostConnection? _connection;
    private HostCockpitSession? _session;
    private SessionSnapshot? _snapshot;
    private (IReadOnlyList<PaneViewSpec> Panes, string? Focused) _view = ([], null);
    private HostLinkStatus _status = HostLinkStatus.Connecting;
    private Task _loop = Task.CompletedTask;
    private bool _stoppingHost;

    /// <param name="connect">Reaches the host's fleet host (over ssh: <see cref="RemoteHostConnector"/>); a <see cref="RemoteHostException"/> says why not.</param>
    public RemoteHostLink(string name, Func<CancellationToken, Task<RemoteHostConnection>> connect, bool readOnly, TimeProvider? time = null)
    {
        Name = name;
        _connect = connect;
        _readOnly = readOnly;
        _time = time ?? TimeProvider.System;
    }

    public string Name { get; }

    /// <summary>Raised on any thread when the state or the host's snapshot changed.</summary>
    public event Action? Changed;

    /// <summary>Raised on any thread when a task's screen (its name on that host) appeared or went away.</summary>
    public event Action<string>? ScreensChanged;

    public HostLinkStatus Status
    {
        get
        {
            lock (_lock)
                return _status;
        }
    }

    public RemoteHostView View
    {
        get
        {
            lock (_lock)
                return new RemoteHostView(Name, _status, _snapshot);
        }
    }

    /// <summary>The session of the current connection, or of the last one while down (its requests then answer "lost"); null before the first.</summary>
    public HostCockpitSession? Session
    {
        get
        {
            lock (_lock)
                return _session;
        }
    }

    /// <summary>The pid of the ssh carrying the current connection (tests kill it as a dropped network would), or null.</summary>
    public int? SshPid
    {
        get
        {
            lock (_lock)
                return _connection?.SshPid;
        }
    }

    /// <summary>The screen the host sends for the task now, else the last one it sent before the connection dropped.</summary>
    public PaneMirror? ScreenFor(string task)
    {
        lock (_lock)
            return (_connection is not null ? _session?.ScreenFor(task) : null) ?? _lastScreens.GetValueOrDefault(task);
    }

    public void Start() => _loop = Task.Run(RunAsync);

    /// <summary>The panes of this host the cockpit shows (names as the host knows them); kept and sent again after a reconnect.</summary>
    public void SetView(IReadOnlyList<PaneViewSpec> panes, string? focused)
    {
        HostCockpitSession? live;
        lock (_lock)
        {
            _view = (panes, focused);
            live = _connection is not null ? _session : null;
        }
        live?.SetView(panes, focused);
    }

    private async Task RunAsync()
    {
        var delay = FirstDelay;
        var token = _stopping.Token;
        while (!token.IsCancellationRequested)
        {
            RemoteHostConnection connection;
            try
            {
                connection = await _connect(token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                return;
            }
            catch (Exception error)
            {
                var said = error is RemoteHostException { Said: { } words } ? words : error.Message;
                SetStatus(new HostLinkStatus(HostLinkPhase.Unreachable, _time.GetUtcNow() + delay, said));
                if (!await WaitAsync(delay, token).ConfigureAwait(false))
                    return;
                delay = Next(delay);
                continue;
            }

            var reason = await ServeAsync(connection, token).ConfigureAwait(false);
            if (token.IsCancellationRequested)
                return;
            lock (_lock)
            {
                // Its host was asked to stop: a new connection would start a new host there.
                if (_stoppingHost)
                {
                    _status = HostLinkStatus.Stopped;
                    break;
                }
            }
            delay = FirstDelay;
            SetStatus(new HostLinkStatus(HostLinkPhase.Reconnecting, _time.GetUtcNow() + delay, reason));
            if (!await WaitAsync(delay, token).ConfigureAwait(false))
                return;
            SetStatus(new HostLinkStatus(HostLinkPhase.Reconnecting, null, reason));
        }
    }

    /// <summary>Uses the connection until it ends; the reason it ended.</summary>
    private async Task<string> ServeAsync(RemoteHostConnection connection, CancellationToken token)
    {
        var client = connection.Client;
        var session = new HostCockpitSession(client, _readOnly);
        void OnSnapshot()
        {
            lock (_lock)
            {
                if (_connection != connection)
                    return;
                _snapshot = client.Snapshot;
            }
            Changed?.Invoke();
        }
        void OnScreens(string task) => ScreensChanged?.Invoke(task);
        client.SnapshotChanged += OnSnapshot;
        client.MirrorsChanged += OnScreens;
        (IReadOnlyList<PaneViewSpec> Panes, string? Focused) view;
        lock (_lock)
        {
            _connection = connection;
            _session = session;
            _snapshot = client.Snapshot;
            _status = HostLinkStatus.Connected;
            view = _view;
        }
        // The host sends screens only for panes in a view: the current ones come back at once.
        session.SetView(view.Panes, view.Focused);
        Changed?.Invoke();
        string reason;
        try
        {
            reason = await client.Closed.WaitAsync(token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            reason = "disconnected";
        }
        client.SnapshotChanged -= OnSnapshot;
        client.MirrorsChanged -= OnScreens;
        lock (_lock)
        {
            // The panes keep what they showed: the last screens of this connection stand in until the next one's arrive.
            var kept = new Dictionary<string, PaneMirror>(_lastScreens, StringComparer.Ordinal);
            foreach (var task in _snapshot?.Tasks ?? [])
            {
                if (client.MirrorFor(task.Name) is { } mirror)
                    kept[task.Name] = mirror;
            }
            _lastScreens = kept;
            _connection = null;
        }
        await connection.DisposeAsync().ConfigureAwait(false);
        return reason;
    }

    /// <summary>
    /// Stops that host and its agents, and this link with it (no reconnect follows). Refused while not connected: the
    /// agents there then go on, and the outcome says so.
    /// </summary>
    public async Task<CommandResult> StopHostAsync()
    {
        HostCockpitSession? live;
        HostLinkStatus status;
        lock (_lock)
        {
            live = _connection is not null ? _session : null;
            status = _status;
            _stoppingHost = live is not null;
        }
        if (live is null)
            return CommandResult.Failed($"host '{Name}' is {status.Describe(_time.GetUtcNow())}: its agents go on");
        var result = await live.StopHostAsync().ConfigureAwait(false);
        if (!result.Succeeded)
        {
            lock (_lock)
                _stoppingHost = false;
            return CommandResult.Failed($"host '{Name}': {result.Message}", result.Details);
        }
        await _loop.WaitAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        Changed?.Invoke();
        return CommandResult.Ok($"host '{Name}' stopped");
    }

    private void SetStatus(HostLinkStatus status)
    {
        lock (_lock)
            _status = status;
        Changed?.Invoke();
    }

    private async Task<bool> WaitAsync(TimeSpan delay, CancellationToken token)
    {
        try
        {
            await Task.Delay(delay, _time, token).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private static TimeSpan Next(TimeSpan delay) => delay * 2 < MaxDelay ? delay * 2 : MaxDelay;

    /// <summary>Stops trying and leaves the host (its agents go on); bounded, as ssh's own exit is.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _loop.WaitAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stopping.Dispose();
    }
}

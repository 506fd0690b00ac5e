using System.Net.Sockets;
using FleetTui.Core.Config;
using FleetTui.Core.Session;
using FleetTui.Host.Panes;
using FleetTui.Terminal.Pty;

namespace FleetTui.Host.Services;

/// <summary>
/// Runs one service of one task on its own PTY (a <see cref="PaneTerminal"/>, like an agent): starts it, waits for its readiness
/// check (a TCP connection to its port, or an HTTP URL answering below 500) up to <c>ready_timeout</c>, and when it exits with a
/// failure under <c>restart = "on-failure"</c> starts it again after a backoff that doubles from <see cref="FirstBackoff"/> up to
/// <see cref="MaxBackoff"/>. Every change is reported. <see cref="StopAsync"/> ends it (hang-up, then the process group is killed).
/// </summary>
public sealed class ServiceSupervisor : IAsyncDisposable
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(2) };
    private static readonly TimeSpan ProbeInterval = TimeSpan.FromMilliseconds(200);

    private readonly IPtyHost _host;
    private readonly ServiceLaunch _launch;
    private readonly Action<ServiceState> _report;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _lock = new();
    private PaneTerminal? _terminal;
    private Task _loop = Task.CompletedTask;
    private ServiceState _state;
    private (int Columns, int Rows) _size;

    public ServiceSupervisor(IPtyHost host, ServiceLaunch launch, Action<ServiceState> report)
    {
        _host = host;
        _launch = launch;
        _report = report;
        _state = new ServiceState { Name = launch.Config.Name, Phase = ServicePhase.Stopped, Port = launch.Port, Repo = launch.Config.Repo };
        _size = (launch.Spawn.Columns, launch.Spawn.Rows);
    }

    /// <summary>Raised (on the supervisor's thread) when the service got a new terminal: at each start and restart.</summary>
    public event Action? TerminalChanged;

    /// <summary>The pane showing the service changed size: its terminal now, and every terminal a restart makes.</summary>
    public void Resize(int columns, int rows)
    {
        PaneTerminal? terminal;
        lock (_lock)
        {
            _size = (columns, rows);
            terminal = _terminal;
        }
        terminal?.Resize(columns, rows);
    }

    public TimeSpan FirstBackoff { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(30);

    public ServiceState State
    {
        get
        {
            lock (_lock)
                return _state;
        }
    }

    /// <summary>The service's terminal right now (a new one after each restart), or null.</summary>
    public PaneTerminal? Terminal
    {
        get
        {
            lock (_lock)
                return _terminal;
        }
    }

    public void Start() => _loop = Task.Run(() => RunAsync(_stopping.Token));

    /// <summary>Ends the service and its restarts; returns once its process group is gone and Stopped was reported.</summary>
    public async Task StopAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        PaneTerminal? terminal;
        lock (_lock)
            terminal = _terminal;
        terminal?.Dispose();
        await _loop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        Report(State with { Phase = ServicePhase.Stopped, Pid = null, RestartAt = null, Message = null });
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        _stopping.Dispose();
    }

    private async Task RunAsync(CancellationToken stopping)
    {
        var backoff = FirstBackoff;
        var restarts = 0;
        while (!stopping.IsCancellationRequested)
        {
            // Our port held already: most often this very service, left running by an earlier fleet host. Say who holds it.
            if (_launch.Port is { } port && PortHolder.Find(port) is var (holderPid, holderCommand))
            {
                var who = holderPid is { } pid ? $"pid {pid} ({holderCommand})" : "a process of another user";
                Report(State with
                {
                    Phase = ServicePhase.Exited, Pid = null, Restarts = restarts,
                    Message = $"port {port} is already held by {who}: another program, or this service left running by an earlier fleet host; stop it, then start the service again",
                });
                return;
            }

            PaneTerminal terminal;
            lock (_lock)
                _terminal = terminal = new PaneTerminal(_size.Columns, _size.Rows);
            terminal.Start(_host, _launch.Spawn);
            TerminalChanged?.Invoke();
            if (stopping.IsCancellationRequested)
            {
                // Stopped while this one started: StopAsync may have looked before it existed.
                terminal.Dispose();
                return;
            }

            if (terminal.StartError is { } startError)
            {
                Report(State with { Phase = ServicePhase.Exited, Pid = null, Message = startError, Restarts = restarts });
                return;
            }

            Report(State with { Phase = ServicePhase.Starting, Pid = terminal.ProcessId, Message = null, RestartAt = null, Restarts = restarts });
            await WatchReadinessAsync(terminal, stopping).ConfigureAwait(false);
            var exit = await terminal.WhenExited.ConfigureAwait(false);
            if (stopping.IsCancellationRequested)
                return;
            var code = exit.ExitCode ?? (exit.Signal is { } signal ? 128 + signal : null);
            if (_launch.Config.Restart == ServiceRestart.OnFailure && code != 0)
            {
                var at = DateTimeOffset.UtcNow + backoff;
                Report(State with { Phase = ServicePhase.Restarting, Pid = null, ExitCode = code, RestartAt = at, Restarts = restarts });
                try
                {
                    await Task.Delay(backoff, stopping).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
                restarts++;
                continue;
            }

            Report(State with { Phase = ServicePhase.Exited, Pid = null, ExitCode = code, RestartAt = null, Restarts = restarts });
            return;
        }
    }

    /// <summary>Up once ready (or at once with no check); Not ready after the timeout, Up still if it becomes ready later; ends when the program does.</summary>
    private async Task WatchReadinessAsync(PaneTerminal terminal, CancellationToken stopping)
    {
        if (_launch.Config.Ready.Kind == ServiceReadinessKind.None)
        {
            Report(State with { Phase = ServicePhase.Up });
            return;
        }

        var deadline = DateTimeOffset.UtcNow + _launch.Config.ReadyTimeout;
        var saidNotReady = false;
        while (!stopping.IsCancellationRequested && !terminal.WhenExited.IsCompleted)
        {
            if (await IsReadyAsync(stopping).ConfigureAwait(false))
            {
                Report(State with { Phase = ServicePhase.Up, Message = null });
                return;
            }

            if (!saidNotReady && DateTimeOffset.UtcNow >= deadline)
            {
                saidNotReady = true;
                var check = _launch.ReadyUrl ?? $"port {_launch.Port}";
                var waited = _launch.Config.ReadyTimeout;
                var after = waited.TotalSeconds >= 1 ? $"{waited.TotalSeconds:0}s" : $"{waited.TotalMilliseconds:0}ms";
                Report(State with { Phase = ServicePhase.NotReady, Message = $"{check} not answering after {after}" });
            }

            await ((Task)Task.WhenAny(terminal.WhenExited, Task.Delay(ProbeInterval, stopping))).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private async Task<bool> IsReadyAsync(CancellationToken stopping)
    {
        try
        {
            if (_launch.ReadyUrl is { } url)
            {
                using var response = await Http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, stopping).ConfigureAwait(false);
                return (int)response.StatusCode < 500;
            }

            using var client = new TcpClient();
            await client.ConnectAsync("127.0.0.1", _launch.Port!.Value, stopping).ConfigureAwait(false);
            return true;
        }
        catch (Exception error) when (error is SocketException or HttpRequestException or TaskCanceledException or IOException)
        {
            return false;
        }
    }

    private void Report(ServiceState state)
    {
        lock (_lock)
            _state = state;
        _report(state);
    }
}

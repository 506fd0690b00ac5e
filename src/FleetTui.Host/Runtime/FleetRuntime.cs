using FleetTui.Core.Agents;
using FleetTui.Core.Git;
using FleetTui.Core.Session;
using FleetTui.Core.Worktrees;
using FleetTui.Terminal.Input;
using FleetTui.Terminal.Pty;
using FleetTui.Host.Agents;
using FleetTui.Host.Merging;
using FleetTui.Host.Panes;

namespace FleetTui.Host.Runtime;

/// <summary>
/// The fleet's runtime around a <see cref="FleetSession"/>: it runs each active task's agent on a PTY (as the session's
/// <see cref="IAgentLauncher"/>, planned by <see cref="TaskLaunchPlanner"/>), watches it with an <see cref="AgentStateMonitor"/>
/// (terminal evidence) and the <see cref="AgentSignalWatcher"/> (hooks), reports each state as
/// <see cref="SessionCommand.UpdateAgent"/>, turns session events into <see cref="SnapshotChanged"/>, and asks for a
/// status refresh every two seconds.
/// </summary>
public sealed class FleetRuntime : IAgentLauncher, IDisposable
{
    private static readonly TimeSpan StatusInterval = TimeSpan.FromSeconds(2);

    private readonly IPtyHost _host;
    private readonly string? _userShell;
    private readonly Dictionary<string, PaneTerminal> _terminals = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (int Columns, int Rows)> _sizes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AgentStateMonitor> _monitors = new(StringComparer.Ordinal);
    private readonly HashSet<PaneTerminal> _handedOver = [];
    private readonly AgentStateDetectorOptions _detectorOptions;
    private int _disposed;
    private int _staleSignals;

    /// <summary>Each task's current agent launch (<see cref="AgentSignal.RunVariable"/> in its environment).</summary>
    private readonly Dictionary<string, string> _runs = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private AgentSignalWatcher? _signals;
    private readonly CancellationTokenSource _stopping = new();
    private FleetSession? _session;
    private SessionMergeDriver? _merges;
    private Task? _eventPump;
    private Task? _statusPump;

    public FleetRuntime(IPtyHost host, string? userShell, AgentStateDetectorOptions? detectorOptions = null)
    {
        _host = host;
        _userShell = userShell;
        _detectorOptions = detectorOptions ?? AgentStateDetectorOptions.Default;
    }

    /// <summary>
    /// How to run this fleet executable, when the user enabled Claude Code hooks (<c>[hooks] claude = true</c>): tasks on
    /// the claude preset then get hooks calling <c>fleet signal</c> in their worktree's own settings. Null: no hooks.
    /// </summary>
    public IReadOnlyList<string>? ClaudeHooksFleetArgv { get; init; }

    /// <summary>How long a stop waits after SIGINT, and again after SIGTERM, before the next signal.</summary>
    public TimeSpan StopStep { get; init; } = AgentStopper.DefaultStep;

    /// <summary>Opens the session (recovering state) with this object as its agent launcher.</summary>
    public async Task OpenAsync(FleetSessionOptions options, CancellationToken cancellationToken)
    {
        _session = await FleetSession.OpenAsync(options with { AgentLauncher = this }, cancellationToken).ConfigureAwait(false);
        try
        {
            _signals = new AgentSignalWatcher(_session.Repository.CommonDir, OnHookSignals);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Without the watch, states come from the terminal alone.
        }
        _merges = new SessionMergeDriver(_session, options.Git);
        var subscription = _session.Subscribe();
        _eventPump = Task.Run(async () =>
        {
            try
            {
                await foreach (var _ in subscription.Events.ReadAllAsync(_stopping.Token).ConfigureAwait(false))
                    SnapshotChanged?.Invoke();
            }
            catch (OperationCanceledException)
            {
            }
            finally
            {
                subscription.Dispose();
            }
        });
    }

    private FleetSession Session => _session ?? throw new InvalidOperationException("OpenAsync first");

    public SessionSnapshot Snapshot => Session.Current;

    public event Action? SnapshotChanged;

    public event Action<string>? TerminalStarted;

    public PaneTerminal? TerminalFor(string task)
    {
        lock (_lock)
            return _terminals.GetValueOrDefault(task);
    }

    public void Start(IReadOnlyDictionary<string, (int Columns, int Rows)> sizes)
    {
        lock (_lock)
        {
            foreach (var (task, size) in sizes)
                _sizes[task] = size;
        }
        foreach (var task in Snapshot.Tasks)
        {
            if (task.Phase == TaskPhase.Active)
                Launch(task);
            else if (task.Phase == TaskPhase.Review)
                Launch(task, continueSession: true); // back where it left off, so it can be asked to merge the base or rebase
            else if (task.Phase == TaskPhase.Pending)
                _ = Session.SendAsync(new SessionCommand.CreateTask(task.Name));
        }
        _statusPump = Task.Run(async () =>
        {
            using var timer = new PeriodicTimer(StatusInterval);
            try
            {
                while (await timer.WaitForNextTickAsync(_stopping.Token).ConfigureAwait(false))
                    await Session.SendAsync(new SessionCommand.RefreshStatus()).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }
        });
    }

    ValueTask IAgentLauncher.TaskBecameActiveAsync(TaskSnapshot task, CancellationToken cancellationToken)
    {
        Launch(task);
        return ValueTask.CompletedTask;
    }

    private void Launch(TaskSnapshot task, bool replace = false, bool continueSession = false)
    {
        PaneTerminal terminal;
        PaneTerminal? old;
        AgentStateMonitor? oldMonitor;
        lock (_lock)
        {
            if (!replace && _terminals.ContainsKey(task.Name))
                return;
            var (columns, rows) = _sizes.GetValueOrDefault(task.Name, (80, 24));
            _terminals.Remove(task.Name, out old);
            _monitors.Remove(task.Name, out oldMonitor);
            terminal = new PaneTerminal(columns, rows);
            _terminals[task.Name] = terminal;
        }
        // The old agent's reports stop first; then it is hung up in the background: never under our lock (its output
        // thread may be waiting for a monitor that waits for us) and never on the UI thread (hang-up has grace periods).
        oldMonitor?.Dispose();
        if (old is not null)
            _ = Task.Run(old.Dispose);

        var result = TaskLaunchPlanner.Plan(Snapshot, task, Session.Repository, _userShell, Environment.GetEnvironmentVariable("PATH"), continueSession);
        var run = Guid.NewGuid().ToString("N")[..12];
        var hints = result is AgentLaunchResult.Ready ready ? ready.Plan.Hints : AgentStatePatterns.Generic;
        var stdin = (result as AgentLaunchResult.Ready)?.Plan is { StdinText: { } text } plan ? (Text: text, plan.StdinSubmit) : default((string Text, string Submit)?);
        var monitor = new AgentStateMonitor(terminal, new AgentStateDetector(hints, _detectorOptions), state => Report(task.Name, terminal, state, stdin));
        lock (_lock)
        {
            if (!ReferenceEquals(_terminals.GetValueOrDefault(task.Name), terminal))
            {
                monitor.Dispose(); // replaced meanwhile by a faster restart
                return;
            }
            _monitors[task.Name] = monitor;
            _runs[task.Name] = run;
        }

        switch (result)
        {
            case AgentLaunchResult.Ready { Plan: var planned }:
                var launch = planned with { Environment = new Dictionary<string, string>(planned.Environment, StringComparer.Ordinal) { [AgentSignal.RunVariable] = run } };
                try
                {
                    if (launch.Files.Count > 0 || launch.ExcludePatterns.Count > 0)
                        AgentLaunchFiles.WriteAsync(new GitCli(), launch).GetAwaiter().GetResult();
                    if (ClaudeHooksFleetArgv is { } fleetArgv && launch.Preset == "claude")
                        InstallClaudeHooks(terminal, launch, fleetArgv);
                    terminal.Start(_host, TaskLaunchPlanner.SpawnOptions(launch));
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException or GitException)
                {
                    terminal.Fail($"could not prepare {task.Name}'s worktree: {e.Message}");
                }
                break;
            case AgentLaunchResult.Failed failed:
                terminal.Fail(failed.Message);
                break;
        }

        if (terminal.StartError is { } error)
        {
            // Nothing runs: the pane keeps the message (with the command tried) and the task shows "exited 127".
            SendAndNotify(new SessionCommand.UpdateAgent(task.Name, new AgentState(AgentActivity.Exited, StateSource.Process, ExitCode: 127)));
        }
        else
        {
            monitor.ObserveStarted();
        }
        _signals?.Poll(task.Name);
        TerminalStarted?.Invoke(task.Name);
    }

    /// <summary>Hooks are a bonus over the terminal's evidence: a failure is said in the pane, and the agent starts anyway.</summary>
    private static void InstallClaudeHooks(PaneTerminal terminal, AgentLaunchPlan launch, IReadOnlyList<string> fleetArgv)
    {
        try
        {
            ClaudeHooksInstaller.InstallAsync(new GitCli(), launch.WorkingDirectory, launch.Task, fleetArgv).GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException or GitException)
        {
            terminal.Terminal.Feed($"\e[33mfleet: Claude Code hooks not installed: {e.Message}\e[0m\r\n");
        }
    }

    private void Report(string task, PaneTerminal terminal, AgentState state, (string Text, string Submit)? stdin)
    {
        if (TerminalFor(task) != terminal)
            return;
        // One agent's reports come from its monitor, which makes them under its own lock: they reach the session in order.
        SendAndNotify(new SessionCommand.UpdateAgent(task, state));
        // The stdin handover: type the ticket once the agent first shows it is ready for input.
        if (stdin is { } handover && state.Activity is AgentActivity.Idle or AgentActivity.WaitingForInput)
        {
            lock (_lock)
            {
                if (!_handedOver.Add(terminal))
                    return;
            }
            terminal.Write(PasteEncoder.Encode(handover.Text, terminal.InputModes));
            terminal.Write(System.Text.Encoding.UTF8.GetBytes(handover.Submit));
        }
    }

    private void OnHookSignals(string task, IReadOnlyList<AgentSignal> signals)
    {
        AgentStateMonitor? monitor;
        string? run;
        lock (_lock)
        {
            monitor = _monitors.GetValueOrDefault(task);
            run = _runs.GetValueOrDefault(task);
        }
        foreach (var signal in signals)
        {
            // A signal naming another launch comes from an agent since replaced (a hook that fired late); one naming
            // none was sent by hand (`fleet signal` outside the agent) and is taken as it is.
            if (signal.Run is not null && signal.Run != run)
            {
                Interlocked.Increment(ref _staleSignals);
                continue;
            }
            monitor?.ObserveHook(signal.ToObservation());
        }
    }

    /// <summary>Hook signals dropped because they came from an earlier launch of the task's agent.</summary>
    public int StaleSignals => Volatile.Read(ref _staleSignals);

    // Agent updates change the snapshot without publishing an event, so tell the UI ourselves.
    private void SendAndNotify(SessionCommand command)
    {
        try
        {
            Session.SendAsync(command).ContinueWith(_ => SnapshotChanged?.Invoke(), TaskScheduler.Default);
        }
        catch (ObjectDisposedException)
        {
            // closing: nobody is listening any more
        }
    }

    public void RestartAgent(string task) => RestartAgent(task, continueSession: false);

    public void RestartAgent(string task, bool continueSession)
    {
        // A task in review (or done) still has its worktree: its agent may be restarted, e.g. to resolve a conflict.
        var snapshot = Snapshot.FindTask(task);
        if (snapshot is { Phase: TaskPhase.Active or TaskPhase.Done or TaskPhase.Review })
            Launch(snapshot, replace: true, continueSession);
        else if (snapshot is { Phase: TaskPhase.Pending })
            _ = Session.SendAsync(new SessionCommand.CreateTask(task)); // its worktree could not be made: try again
    }

    public void StopAgent(string task)
    {
        if (TerminalFor(task) is { IsRunning: true } terminal)
            _ = AgentStopper.StopAsync(terminal, StopStep);
    }

    public Task MarkDoneAsync(string task) => Session.SendAsync(new SessionCommand.MarkDone(task));

    public TaskTicket? TicketFor(string task)
    {
        var snapshot = Snapshot;
        return TaskTicketReader.Read(snapshot.Config, Session.Repository.Root, snapshot.Config.FindTask(task));
    }

    public async Task<IReadOnlyList<string>> DescribeLossAsync(string task)
    {
        if (Snapshot.FindTask(task) is not { } snapshot || !Directory.Exists(snapshot.WorktreePath))
            return [];
        var manager = new WorktreeManager(new GitCli(), Session.Repository);
        var uncommitted = await manager.UncommittedPathsAsync(snapshot.WorktreePath).ConfigureAwait(false);
        var unmerged = await manager.UnmergedCommitsAsync(snapshot.Branch, snapshot.BaseBranch).ConfigureAwait(false);
        return [.. uncommitted.Select(p => $"uncommitted: {p}"), .. unmerged.Select(c => $"unmerged commit: {c}")];
    }

    public async Task DestroyTaskAsync(string task)
    {
        PaneTerminal? terminal;
        AgentStateMonitor? monitor;
        lock (_lock)
        {
            _terminals.Remove(task, out terminal);
            _monitors.Remove(task, out monitor);
        }
        monitor?.Dispose();
        terminal?.Dispose();
        await Session.SendAsync(new SessionCommand.DestroyTask(task, Force: true)).ConfigureAwait(false);
    }

    public Task<CommandResult> SendAsync(SessionCommand command) => Session.SendAsync(command);

    public IMergeDriver Merges => _merges ?? throw new InvalidOperationException("OpenAsync first");

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
            return;
        _merges?.DisposeAsync().AsTask().Wait(TimeSpan.FromSeconds(15));
        _stopping.Cancel();
        _signals?.Dispose();
        List<PaneTerminal> terminals;
        List<AgentStateMonitor> monitors;
        lock (_lock)
        {
            terminals = [.. _terminals.Values];
            _terminals.Clear();
            monitors = [.. _monitors.Values];
            _monitors.Clear();
        }
        foreach (var monitor in monitors)
            monitor.Dispose();
        // Hang up every agent in parallel: each may take its grace period.
        Parallel.ForEach(terminals, t => t.Dispose());
        try
        {
            Task.WaitAll([.. new[] { _eventPump, _statusPump }.OfType<Task>()], TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
        }
        _session?.DisposeAsync().AsTask().Wait(TimeSpan.FromSeconds(10));
        _stopping.Dispose();
    }
}

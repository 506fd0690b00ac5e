using FleetTui.Core.Agents;
using FleetTui.Core.Git;
using FleetTui.Core.Session;
using FleetTui.Core.Worktrees;
using FleetTui.Terminal.Pty;
using FleetTui.Ui.Merging;
using FleetTui.Ui.Panes;

namespace FleetTui.Ui.Cockpit;

/// <summary>
/// The cockpit's face on a <see cref="FleetSession"/>: it runs each active task's agent on a PTY (as the session's
/// <see cref="IAgentLauncher"/>), reports the agent's life back as <see cref="SessionCommand.UpdateAgent"/>, turns
/// session events into <see cref="SnapshotChanged"/>, and asks for a status refresh every two seconds.
/// </summary>
public sealed class FleetCockpitSession : ICockpitSession, IAgentLauncher
{
    private static readonly TimeSpan StatusInterval = TimeSpan.FromSeconds(2);

    private readonly IPtyHost _host;
    private readonly string? _userShell;
    private readonly Dictionary<string, PaneTerminal> _terminals = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (int Columns, int Rows)> _sizes = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    // Orders "started" and "exited" reports of one agent: the session applies commands in the order they were sent.
    private readonly Lock _agentStateOrder = new();
    private readonly CancellationTokenSource _stopping = new();
    private FleetSession? _session;
    private SessionMergeDriver? _merges;
    private Task? _eventPump;
    private Task? _statusPump;

    public FleetCockpitSession(IPtyHost host, string? userShell)
    {
        _host = host;
        _userShell = userShell;
    }

    /// <summary>Opens the session (recovering state) with this object as its agent launcher.</summary>
    public async Task OpenAsync(FleetSessionOptions options, CancellationToken cancellationToken)
    {
        _session = await FleetSession.OpenAsync(options with { AgentLauncher = this }, cancellationToken).ConfigureAwait(false);
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

    private void Launch(TaskSnapshot task, bool replace = false)
    {
        PaneTerminal terminal;
        lock (_lock)
        {
            if (!replace && _terminals.ContainsKey(task.Name))
                return;
            var (columns, rows) = _sizes.GetValueOrDefault(task.Name, (80, 24));
            if (_terminals.Remove(task.Name, out var old))
                old.Dispose();
            terminal = new PaneTerminal(columns, rows);
            _terminals[task.Name] = terminal;
        }
        var options = AgentCommandLine.For(Snapshot, task, Session.Repository, _userShell);
        // Subscribe before starting: a program that dies at once must still be reported.
        terminal.Exited += () => ReportExit(task.Name, terminal);
        terminal.Start(_host, options);
        lock (_agentStateOrder)
        {
            // A program that already exited has been reported by ReportExit; "working" must not overwrite that.
            if (terminal.ExitStatus is null)
            {
                var state = terminal.StartError is null ? new AgentState(AgentActivity.Working) : new AgentState(AgentActivity.Exited, ExitCode: 127);
                SendAndNotify(new SessionCommand.UpdateAgent(task.Name, state));
            }
        }
        TerminalStarted?.Invoke(task.Name);
    }

    private void ReportExit(string task, PaneTerminal terminal)
    {
        if (terminal.ExitStatus is not { } status || TerminalFor(task) != terminal)
            return;
        var state = new AgentState(AgentActivity.Exited, StateSource.Process, status.ExitCode, status.Signal);
        lock (_agentStateOrder)
            SendAndNotify(new SessionCommand.UpdateAgent(task, state));
    }

    // Agent updates change the snapshot without publishing an event, so tell the UI ourselves.
    private void SendAndNotify(SessionCommand command) =>
        Session.SendAsync(command).ContinueWith(_ => SnapshotChanged?.Invoke(), TaskScheduler.Default);

    public void RestartAgent(string task)
    {
        // A task in review (or done) still has its worktree: its agent may be restarted to merge or rebase the base itself.
        if (Snapshot.FindTask(task) is { Phase: TaskPhase.Active or TaskPhase.Done or TaskPhase.Review } snapshot)
            Launch(snapshot, replace: true);
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
        lock (_lock)
            _terminals.Remove(task, out terminal);
        terminal?.Dispose();
        await Session.SendAsync(new SessionCommand.DestroyTask(task, Force: true)).ConfigureAwait(false);
    }

    public Task CreateTaskAsync(NewTaskRequest request) =>
        Session.SendAsync(new SessionCommand.NewTask(request.Name, Base: request.Base, DependsOn: request.DependsOn, Agent: request.Agent));

    public IMergeDriver Merges => _merges ?? throw new InvalidOperationException("OpenAsync first");

    public void Dispose()
    {
        _merges?.DisposeAsync().AsTask().Wait(TimeSpan.FromSeconds(15));
        _stopping.Cancel();
        List<PaneTerminal> terminals;
        lock (_lock)
        {
            terminals = [.. _terminals.Values];
            _terminals.Clear();
        }
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

using FleetTui.Core.Agents;
using FleetTui.Core.Config;
using FleetTui.Core.Git;
using FleetTui.Core.Session;
using FleetTui.Core.Review;
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
public sealed partial class FleetRuntime : IAgentLauncher, IDisposable
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
    private Task? _launching;
    private AgentRecords? _records;
    private readonly TaskCompletionSource _opened = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Host.Protocol.ClientColors? _colors;

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
        _records = AgentRecords.Load(_session.Repository.FleetDir);
        _opened.TrySetResult();
        try
        {
            _signals = new AgentSignalWatcher(_session.Repository.CommonDir, OnHookSignals);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Without the watch, states come from the terminal alone.
        }
        _merges = new SessionMergeDriver(_session, options.Git, Remote.RemoteMergePass.For(_session, options.Git, Environment.GetEnvironmentVariable));
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

    public event Action<string>? TerminalChanged;

    /// <summary>The terminal of a pane: a task's agent, or one of its services (<see cref="Protocol.PaneKey"/>).</summary>
    public PaneTerminal? TerminalFor(string task)
    {
        if (Protocol.PaneKey.IsService(task, out var owner, out var service))
            return ServiceTerminalFor(owner, service);
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
        // Launching reads git and may first stop what a dead host left running: off the caller's thread.
        _launching = Task.Run(async () =>
        {
            foreach (var task in Snapshot.Tasks)
            {
                // A task whose agent ran before (under this host or one since gone) continues that session; a task in
                // review too, back where it left off, so it can be asked to merge the base or rebase.
                if (task.Phase is TaskPhase.Active or TaskPhase.Review)
                    await LaunchAsync(task, continueSession: task.Phase == TaskPhase.Review || Records.Find(task.Name) is not null).ConfigureAwait(false);
                else if (task.Phase == TaskPhase.Pending && Snapshot.Config.FindTask(task.Name)?.Host is null)
                    _ = Session.SendAsync(new SessionCommand.CreateTask(task.Name)); // a task of a remote host is created there (fleet new)
            }
        });
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
        // Not on the session's loop: a launch reads git and writes files.
        _ = Task.Run(() => LaunchAsync(task), CancellationToken.None);
        return ValueTask.CompletedTask;
    }

    private AgentRecords Records => _records ?? throw new InvalidOperationException("OpenAsync first");

    /// <summary>
    /// Starts the task's agent on a new terminal (replacing the one it has when <paramref name="replace"/>). Never two
    /// agents in one worktree: a replaced agent is hung up and waited for first, and an agent a dead host left running
    /// (found by its record: pid and start time) is stopped first too; one that cannot be stopped keeps the task from starting.
    /// </summary>
    private async Task LaunchAsync(TaskSnapshot task, bool replace = false, bool continueSession = false)
    {
        // The session may hand us a task while it is still opening (it finishes a merge a killed run left half done).
        await _opened.Task.ConfigureAwait(false);
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
            if (_colors is { } colors)
                PaneColors.Apply(terminal.Terminal.Palette, colors);
            _terminals[task.Name] = terminal;
        }
        TerminalChanged?.Invoke(task.Name); // clients show the new (still empty) pane at once
        // The old agent's reports stop first; then it is hung up and waited for: never under our lock (its output thread
        // may be waiting for a monitor that waits for us).
        oldMonitor?.Dispose();
        if (old is not null)
            await Task.Run(old.Dispose).ConfigureAwait(false);
        if (!await StopLeftoverAsync(task.Name, terminal).ConfigureAwait(false))
        {
            Post(new SessionCommand.UpdateAgent(task.Name, new AgentState(AgentActivity.Exited, StateSource.Process, ExitCode: 127)));
            TerminalChanged?.Invoke(task.Name);
            return;
        }

        var result = TaskLaunchPlanner.Plan(Snapshot, task, Session.Repository, _userShell, Environment.GetEnvironmentVariable("PATH"), continueSession);
        var run = Guid.NewGuid().ToString("N")[..12];
        var hints = result is AgentLaunchResult.Ready ready ? ready.Plan.Hints : AgentStatePatterns.Generic;
        var stdin = (result as AgentLaunchResult.Ready)?.Plan is { StdinText: { } text } plan ? (Text: text, plan.StdinSubmit) : default((string Text, string Submit)?);
        // Started with its prompt (not typed in once it is idle: that first idle is the cue for the stdin handover).
        var prompted = result is AgentLaunchResult.Ready { Plan: { TicketText: not null, Handover: not TicketHandover.Stdin } };
        var monitor = new AgentStateMonitor(terminal, new AgentStateDetector(hints, _detectorOptions) { StartedWithPrompt = prompted }, state => Report(task.Name, terminal, state, stdin));
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
                    launch = AgentLaunchPreparation.Prepare(launch, Snapshot.Config, Session.Repository.Root, ClaudeHooksFleetArgv,
                        note => terminal.Terminal.Feed($"\e[33mfleet: {note}\e[0m\r\n"));
                    terminal.Start(_host, TaskLaunchPlanner.SpawnOptions(launch));
                    if (terminal.ProcessId is { } pid && ProcessIdentity.Of(pid) is { } identity)
                        Records.Record(new AgentRecord(task.Name, pid, identity.StartTicks, run, DateTimeOffset.UtcNow, Environment.ProcessId));
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
            Post(new SessionCommand.UpdateAgent(task.Name, new AgentState(AgentActivity.Exited, StateSource.Process, ExitCode: 127)));
        }
        else
        {
            monitor.ObserveStarted();
        }
        _signals?.Poll(task.Name);
        TerminalChanged?.Invoke(task.Name);
        await AutostartServicesAsync(task.Name).ConfigureAwait(false);
    }

    /// <summary>
    /// The agent this task's record names, when it still runs and is not one of ours: a host that died left it behind.
    /// It is stopped (SIGHUP, SIGTERM, SIGKILL) and the pane says so; false when it survived that.
    /// </summary>
    private async Task<bool> StopLeftoverAsync(string task, PaneTerminal terminal)
    {
        if (Records.Find(task) is not { } record || record.HostPid == Environment.ProcessId)
            return true;
        var leftover = new ProcessIdentity(record.Pid, record.StartTicks);
        if (!leftover.IsAlive)
            return true;
        var stopped = await ProcessGroup.StopAsync(leftover, TimeSpan.FromSeconds(2)).ConfigureAwait(false);
        if (!stopped)
        {
            terminal.Fail($"the agent a previous fleet host started for {task} (pid {record.Pid}) still runs and would not stop; " +
                "fleet does not start a second agent in the same worktree. Stop it by hand, then restart this one.");
            return false;
        }
        terminal.Terminal.Feed($"\e[33mfleet: the fleet host that started this task's agent (pid {record.Pid}) died and left it running; " +
            "it was stopped, and its session continues here.\e[0m\r\n");
        return true;
    }

    private void Report(string task, PaneTerminal terminal, AgentState state, (string Text, string Submit)? stdin)
    {
        if (TerminalFor(task) != terminal)
            return;
        // One agent's reports come from its monitor, which makes them under its own lock: they reach the session in order.
        Post(new SessionCommand.UpdateAgent(task, state));
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

    // Every change the session makes carries an event, and the event pump turns each into SnapshotChanged.
    private void Post(SessionCommand command)
    {
        try
        {
            _ = Session.SendAsync(command);
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
            _ = Task.Run(() => LaunchAsync(snapshot, replace: true, continueSession));
        else if (snapshot is { Phase: TaskPhase.Pending })
            _ = Session.SendAsync(new SessionCommand.CreateTask(task)); // its worktree could not be made: try again
    }

    public void StopAgent(string task)
    {
        if (TerminalFor(task) is { IsRunning: true } terminal)
        {
            string? run;
            lock (_lock)
                run = _runs.GetValueOrDefault(task);
            _ = AgentStopper.StopAsync(terminal, StopStep).ContinueWith(
                _ => CodexDaemonCleanup.AfterStopAsync(terminal, run, Snapshot.FindTask(task)?.WorktreePath), TaskScheduler.Default).Unwrap();
        }
    }

    public Task MarkDoneAsync(string task) => Session.SendAsync(new SessionCommand.MarkDone(task));

    public TaskTicket? TicketFor(string task)
    {
        var snapshot = Snapshot;
        return TaskTicketReader.Read(snapshot.Config, Session.Repository.Root, snapshot.Config.FindTask(task));
    }

    /// <summary>
    /// What destroying the task would lose now (uncommitted and ignored files, unmerged and reflog-only commits), in every repository it
    /// spans (another repository's items marked <c>[name]</c>).
    /// </summary>
    public Task<WorktreeLoss> DescribeLossAsync(string task) => Session.DescribeLossAsync(task);

    /// <summary>
    /// Destroys the task through the session, which looks at what would be lost, stops the agent (<see cref="IAgentLauncher.StopAgentAsync"/>),
    /// looks again and removes only when the loss is still what the user confirmed (<paramref name="confirmedLoss"/>, from
    /// <see cref="DescribeLossAsync"/>) or, forced, keeps every commit it would lose under refs/fleet/rescued/. A running agent
    /// refuses the removal unless <paramref name="stopAgent"/>.
    /// </summary>
    public async Task<CommandResult> DestroyTaskAsync(string task, bool force, WorktreeLoss? confirmedLoss, bool stopAgent)
    {
        PaneTerminal? terminal;
        AgentStateMonitor? monitor;
        lock (_lock)
        {
            terminal = _terminals.GetValueOrDefault(task);
            monitor = _monitors.GetValueOrDefault(task);
        }
        if (terminal is { IsRunning: true } && !stopAgent)
            return CommandResult.Failed($"Kept {task}: its agent runs (pid {terminal.ProcessId}); stop it first (Ctrl+G s in the cockpit), or pass --force to stop it and remove the task.");
        var result = await Session.SendAsync(new SessionCommand.DestroyTask(task, force, confirmedLoss)).ConfigureAwait(false);
        if (result.Succeeded)
        {
            lock (_lock)
            {
                if (ReferenceEquals(_terminals.GetValueOrDefault(task), terminal))
                    _terminals.Remove(task);
                if (ReferenceEquals(_monitors.GetValueOrDefault(task), monitor))
                    _monitors.Remove(task);
            }
            monitor?.Dispose();
            terminal?.Dispose();
            Records.Forget(task);
            TerminalChanged?.Invoke(task); // the task has no terminal now: clients drop its pane
        }
        return result;
    }

    /// <summary>
    /// The session is about to remove the task's worktree (a destroy, a merge's clean-up, a prune): its agent is hung up
    /// and waited for first, so nothing writes there while it goes and no agent is left in a deleted folder.
    /// </summary>
    async ValueTask IAgentLauncher.StopAgentAsync(string task, CancellationToken cancellationToken)
    {
        // Its services too: nothing may run in a folder about to go (a dev server would hold it and its port).
        await StopServicesAsync(task, null).ConfigureAwait(false);
        if (TerminalFor(task) is { IsRunning: true } terminal)
            await Task.Run(terminal.Dispose, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The last <paramref name="maxLines"/> lines of a log the fleet wrote (under its folder in the common git dir).</summary>
    public Task<IReadOnlyList<string>> ReadLogAsync(string path, int maxLines) => Task.Run<IReadOnlyList<string>>(() =>
    {
        var full = Path.GetFullPath(path);
        var fleetDir = Path.GetFullPath(Session.Repository.FleetDir) + Path.DirectorySeparatorChar;
        if (!full.StartsWith(fleetDir, StringComparison.Ordinal))
            return [$"(not a fleet log: {path})"];
        var tail = new Queue<string>(maxLines + 1);
        foreach (var line in File.ReadLines(full))
        {
            tail.Enqueue(line);
            if (tail.Count > maxLines)
                tail.Dequeue();
        }
        return [.. tail];
    });

    /// <summary>Why the task's agent is in its state (source, evidence, transitions), as text; null when it has no agent here.</summary>
    public string? ExplainAgent(string task)
    {
        AgentStateMonitor? monitor;
        lock (_lock)
            monitor = _monitors.GetValueOrDefault(task);
        return monitor is null ? null : AgentStateExplainText.Render(monitor.Explain());
    }

    /// <summary>The task's committed work against its merge base, or null when its branch does not exist (yet).</summary>
    public async Task<TaskDiffText?> ReadDiffAsync(string task) =>
        Snapshot.FindTask(task) is { } snapshot
            ? await new TaskDiffReader(new GitCli()).ReadAsync(Session.Repository.Root, snapshot.Branch, snapshot.BaseBranch).ConfigureAwait(false)
            : null;

    /// <summary>
    /// Types a prompt into the task's agent, as a user pasting it and pressing Enter would (bracketed when the program
    /// asked for bracketed paste, so a multi-line prompt arrives as one).
    /// </summary>
    public CommandResult SendPrompt(string task, string text)
    {
        if (TerminalFor(task) is not { IsRunning: true } terminal)
            return CommandResult.Failed($"{task}'s agent is not running: restart it (Ctrl+G r), then send again.");
        terminal.Write(PasteEncoder.Encode(text, terminal.InputModes));
        terminal.Write("\r"u8);
        return CommandResult.Ok($"sent to {task}'s agent");
    }

    /// <summary>
    /// A human's review of a task: comments or a rejection go to its agent as one prompt (and the task, if it was marked
    /// done, is active again); an approval marks it done and, when asked, merges it at once if it is ready. Every round is
    /// kept in the task's review history.
    /// </summary>
    public async Task<CommandResult> ReviewAsync(string task, ReviewVerdict verdict, IReadOnlyList<ReviewComment> comments, string? note, bool mergeNow)
    {
        if (Snapshot.FindTask(task) is not { } snapshot)
            return CommandResult.Failed($"No task named '{task}'.");
        CommandResult result;
        switch (verdict)
        {
            case ReviewVerdict.Approved:
                result = await Merges.MarkDoneAsync(task).ConfigureAwait(false);
                if (result.Succeeded && (mergeNow || Snapshot.Config.Fleet.MergeOnApprove))
                    _ = Merges.MergeAsync([task]);
                break;
            default:
                if (verdict == ReviewVerdict.Changes && comments.Count == 0)
                    return CommandResult.Failed("No comments to send.");
                var prompt = verdict == ReviewVerdict.Changes ? ReviewPrompt.ForComments(comments) : ReviewPrompt.ForRejection(note ?? "", comments);
                result = SendPrompt(task, prompt);
                if (result.Succeeded && snapshot.Phase == TaskPhase.Done)
                    await Session.SendAsync(new SessionCommand.SetPhase(task, TaskPhase.Active, "back to its agent after review")).ConfigureAwait(false);
                break;
        }
        if (result.Succeeded)
            new ReviewHistory(Session.Repository.FleetDir).Append(task, new ReviewRound(DateTimeOffset.UtcNow, verdict, comments, note));
        return result;
    }

    /// <summary>fleet.toml changed (a verb edited it): the session takes the new configuration.</summary>
    public Task<CommandResult> ReloadConfigAsync()
    {
        try
        {
            return Session.SendAsync(new SessionCommand.ReloadConfig(Core.Config.ConfigLoader.Load(Snapshot.Config.SourcePath)));
        }
        catch (Core.Config.ConfigException error)
        {
            return Task.FromResult(CommandResult.Failed(error.Message));
        }
    }

    public Task<CommandResult> SendAsync(SessionCommand command) => Session.SendAsync(command);

    /// <summary>The session's repository (for the host's paths and messages).</summary>
    public Core.Git.RepositoryFacts Repository => Session.Repository;

    /// <summary>Whether <see cref="Start"/> ran (agents launch at the first client's pane sizes).</summary>
    public bool Started => _statusPump is not null;

    /// <summary>Every task that has a terminal now, with it.</summary>
    public IReadOnlyList<(string Task, PaneTerminal Terminal)> Terminals
    {
        get
        {
            lock (_lock)
                return [.. _terminals.Select(kv => (kv.Key, kv.Value))];
        }
    }

    /// <summary>A key for the task's program, encoded against its own modes (cursor keys, keypad, kitty flags…).</summary>
    public void SendKey(string task, KeyInput key)
    {
        if (TerminalFor(task) is { } terminal)
            terminal.Write(KeyEncoder.Encode(key, terminal.InputModes));
    }

    /// <summary>Pasted text, bracketed when the program asked for it.</summary>
    public void Paste(string task, string text)
    {
        if (TerminalFor(task) is { } terminal)
            terminal.Write(PasteEncoder.Encode(text, terminal.InputModes));
    }

    /// <summary>A mouse event, sent only when the program asked for the mouse, in the encoding it asked for.</summary>
    public void SendMouse(string task, MouseEvent mouse)
    {
        if (TerminalFor(task) is { } terminal && terminal.InputModes is { MouseTracking: not MouseTracking.None } modes)
            terminal.Write(MouseEncoder.Encode(mouse, modes));
    }

    /// <summary>Focus in/out, for a program that asked for focus events; the focused pane's output is also read first.</summary>
    public void SendFocus(string task, bool focused)
    {
        if (TerminalFor(task) is not { } terminal)
            return;
        terminal.Foreground = focused;
        if (terminal.InputModes is { FocusEvents: true } modes)
            terminal.Write(FocusEncoder.Encode(focused, modes));
    }

    /// <summary>The colours panes are shown with (the active cockpit's theme), for programs' colour queries, now and for later launches.</summary>
    public void SetColors(Host.Protocol.ClientColors colors)
    {
        List<PaneTerminal> terminals;
        lock (_lock)
        {
            _colors = colors;
            terminals = [.. _terminals.Values];
        }
        foreach (var terminal in terminals)
        {
            lock (terminal.Terminal.SyncRoot)
                PaneColors.Apply(terminal.Terminal.Palette, colors);
        }
    }

    /// <summary>Resizes the task's screen and tells its program; later launches of its agent start at this size.</summary>
    public void Resize(string task, int columns, int rows)
    {
        PaneTerminal? terminal;
        lock (_lock)
        {
            _sizes[task] = (columns, rows);
            terminal = _terminals.GetValueOrDefault(task);
        }
        terminal?.Resize(columns, rows);
        if (Protocol.PaneKey.IsService(task, out var owner, out var service))
            ResizeService(owner, service, columns, rows);
    }

    /// <summary>
    /// Searches the task's history and screen upwards from the top of the view at <paramref name="fromOffset"/> lines back;
    /// the offset that brings the nearest match to the top, or null when there is none.
    /// </summary>
    public int? Search(string task, string text, int fromOffset)
    {
        if (TerminalFor(task) is not { } terminal)
            return null;
        lock (terminal.Terminal.SyncRoot)
        {
            var screen = terminal.Terminal.Screen;
            var history = screen.IsAlternateScreen ? 0 : screen.Scrollback.Count;
            // Index 0 is the oldest history line; the top of the current view is history - offset.
            var match = HistorySearch.FindPrevious(i => screen.GetRowText(i - history), history + screen.Rows, text, history - fromOffset);
            return match < 0 ? null : history - match;
        }
    }

    /// <summary>The nearest line with the text older (or newer) than <paramref name="fromLine"/>; see <see cref="PaneHistory"/>.</summary>
    public int? FindLine(string task, string text, int fromLine, bool newer)
    {
        if (TerminalFor(task) is not { } terminal)
            return null;
        lock (terminal.Terminal.SyncRoot)
            return PaneHistory.Find(terminal.Terminal.Screen, text, fromLine, newer);
    }

    /// <summary>Lines <paramref name="first"/>..<paramref name="last"/> of history and screen, wrapped lines joined (a copy).</summary>
    public IReadOnlyList<string> PaneLines(string task, int first, int last)
    {
        if (TerminalFor(task) is not { } terminal)
            return [];
        lock (terminal.Terminal.SyncRoot)
            return PaneHistory.Lines(terminal.Terminal.Screen, first, last);
    }

    /// <summary>The rows shown at <paramref name="offset"/> lines back, wrapped lines joined (what a copy takes).</summary>
    public string PaneText(string task, int offset)
    {
        if (TerminalFor(task) is not { } terminal)
            return "";
        lock (terminal.Terminal.SyncRoot)
        {
            var screen = terminal.Terminal.Screen;
            offset = Math.Clamp(offset, 0, screen.IsAlternateScreen ? 0 : screen.Scrollback.Count);
            var text = new System.Text.StringBuilder();
            for (var row = 0; row < screen.Rows; row++)
            {
                var line = screen.GetLine(row - offset);
                text.Append(screen.GetRowText(row - offset));
                if (!line.Wrapped && row < screen.Rows - 1)
                    text.Append('\n');
            }
            return text.ToString().TrimEnd();
        }
    }

    public SessionMergeDriver Merges => _merges ?? throw new InvalidOperationException("OpenAsync first");

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
        StopAllServices();
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

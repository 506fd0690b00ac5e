using FleetTui.Core.Agents;
using FleetTui.Terminal.Emulation;
using FleetTui.Host.Panes;

namespace FleetTui.Host.Agents;

/// <summary>
/// Feeds one task's <see cref="AgentStateDetector"/> from its running terminal and reports each change of state:
/// output activity (every chunk, timestamped), terminal signals (OSC 0/2 titles, OSC 9/777 notifications, the bell),
/// samples of the screen's rows (only complete frames: a sample taken during a synchronized update waits for its end),
/// the foreground process group, the process exit, and hook signals (<see cref="ObserveHook"/>).
/// <para>
/// No polling: one timer, armed only while something is pending (a screen sample <see cref="SampleDelay"/> after
/// output, or the detector's <see cref="AgentStateDetector.NextCheckAt"/> for a debounce or a quiet period), so an idle
/// agent costs nothing. A flood of output costs one detector step per chunk and at most one screen sample per delay.
/// </para>
/// <para>Thread safety: events arrive on the PTY thread with the terminal's lock held, the timer on the thread pool, hooks
/// from a file watcher; the detector is used under one lock, always taken after (never around) the terminal's.</para>
/// </summary>
public sealed class AgentStateMonitor : IDisposable
{
    /// <summary>How long after output the screen is read: coalesces a burst's redraws into one sample.</summary>
    public static readonly TimeSpan SampleDelay = TimeSpan.FromMilliseconds(50);

    /// <summary>
    /// Output is taken at most this often: a flood delivers thousands of chunks a second, each observation costs the
    /// detector a few allocations, and its timings (a debounce, a quiet period) are hundreds of milliseconds.
    /// </summary>
    public static readonly TimeSpan OutputResolution = TimeSpan.FromMilliseconds(20);

    private readonly PaneTerminal _terminal;
    private readonly AgentStateDetector _detector;
    private readonly TimeProvider _time;
    private readonly Action<AgentState> _report;
    private readonly Lock _lock = new();
    private readonly ITimer _timer;
    private DateTimeOffset? _sampleAt;
    private DateTimeOffset _lastOutputObserved = DateTimeOffset.MinValue;
    private DateTimeOffset? _timerAt;
    private bool _hadChildren;
    private bool _disposed;

    /// <param name="report">Called with each new state, in order, under the monitor's lock: keep it short (send a command).</param>
    public AgentStateMonitor(PaneTerminal terminal, AgentStateDetector detector, Action<AgentState> report, TimeProvider? time = null)
    {
        _terminal = terminal;
        _detector = detector;
        _report = report;
        _time = time ?? TimeProvider.System;
        _timer = _time.CreateTimer(_ => OnTimer(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        terminal.Output += OnOutput;
        terminal.Exited += OnExited;
        terminal.Input += OnInput;
        terminal.Terminal.TitleChanged += OnTitle;
        terminal.Terminal.NotificationRequested += OnNotification;
        terminal.Terminal.Bell += OnBell;
    }

    /// <summary>The state last reported.</summary>
    public AgentState Current
    {
        get
        {
            lock (_lock)
                return _detector.Current;
        }
    }

    /// <summary>The program started (call after <see cref="PaneTerminal.Start"/> succeeded): the agent is starting.</summary>
    public void ObserveStarted() => Observe(new AgentObservation.Process(_time.GetUtcNow(), Alive: true));

    /// <summary>A hook signal (<c>fleet signal …</c>) for this task.</summary>
    public void ObserveHook(AgentObservation.Hook hook) => Observe(hook);

    private void OnOutput(int bytes)
    {
        var now = _time.GetUtcNow();
        lock (_lock)
        {
            if (_disposed || now - _lastOutputObserved < OutputResolution)
                return;
            _lastOutputObserved = now;
            ReportIfChanged(_detector.Observe(new AgentObservation.Output(now, bytes)));
            _sampleAt ??= now + SampleDelay;
            Reschedule(now);
        }
    }

    private void OnInput(byte[] keys) => Observe(new AgentObservation.Input(_time.GetUtcNow(), InputKinds.Of(keys)));

    /// <summary>Why the detector says what it says (for <c>fleet explain</c>).</summary>
    public AgentStateExplanation Explain()
    {
        lock (_lock)
            return _detector.Explain();
    }

    private void OnTitle(string title) => Observe(new AgentObservation.Terminal(_time.GetUtcNow(), TerminalSignalKind.Title, title));

    private void OnNotification(TerminalNotification notification) =>
        Observe(new AgentObservation.Terminal(_time.GetUtcNow(), TerminalSignalKind.Notification, notification.Body));

    private void OnBell() => Observe(new AgentObservation.Terminal(_time.GetUtcNow(), TerminalSignalKind.Bell));

    private void OnExited()
    {
        if (_terminal.ExitStatus is not { } status)
            return;
        Observe(new AgentObservation.Process(_time.GetUtcNow(), Alive: false, ExitCode: status.ExitCode, Signal: status.Signal));
    }

    private void Observe(AgentObservation observation)
    {
        lock (_lock)
        {
            if (_disposed)
                return;
            ReportIfChanged(_detector.Observe(observation));
            Reschedule(observation.At);
        }
    }

    private void OnTimer()
    {
        var now = _time.GetUtcNow();
        bool sample;
        lock (_lock)
        {
            if (_disposed)
                return;
            _timerAt = null;
            sample = _sampleAt is { } at && at <= now;
            if (sample)
                _sampleAt = null;
        }

        // Read the screen outside our lock: the terminal's lock is always taken first.
        var screen = sample ? SampleScreen(now) : null;
        var children = sample ? HasForegroundChild() : (bool?)null;
        lock (_lock)
        {
            if (_disposed)
                return;
            if (sample && screen is null)
                _sampleAt ??= now + SampleDelay; // a synchronized update holds the frame: look again once it is complete
            if (screen is not null)
                ReportIfChanged(_detector.Observe(screen));
            if (children is { } hasChildren && hasChildren != _hadChildren && _terminal.ExitStatus is null)
            {
                _hadChildren = hasChildren;
                ReportIfChanged(_detector.Observe(new AgentObservation.Process(now, Alive: true, HasChildren: hasChildren)));
            }
            ReportIfChanged(_detector.Advance(now));
            Reschedule(now);
        }
    }

    /// <summary>The screen's rows as text, or null while a synchronized update holds an incomplete frame.</summary>
    private AgentObservation.Screen? SampleScreen(DateTimeOffset now)
    {
        var terminal = _terminal.Terminal;
        lock (terminal.SyncRoot)
        {
            if (terminal.IsFrameHeld)
                return null;
            var screen = terminal.Screen;
            var lines = new string[screen.Rows];
            for (var row = 0; row < lines.Length; row++)
                lines[row] = screen.GetRowText(row);
            return new AgentObservation.Screen(now, lines, screen.Modes.CursorVisible);
        }
    }

    private bool HasForegroundChild() =>
        _terminal.ProcessId is { } pid && _terminal.ForegroundProcessGroup is { } group && group != pid;

    private void ReportIfChanged(AgentState? state)
    {
        if (state is not null)
            _report(state);
    }

    /// <summary>Arms the timer for the earliest pending moment; leaves it alone when it already fires by then.</summary>
    private void Reschedule(DateTimeOffset now)
    {
        DateTimeOffset? next = _sampleAt;
        if (_detector.NextCheckAt is { } check && (next is null || check < next))
            next = check;
        if (next is not { } due)
            return; // nothing pending: the timer stays off (or fires once and finds nothing to do)
        if (_timerAt is { } armed && armed <= due)
            return;
        _timerAt = due;
        var wait = due - now;
        _timer.Change(wait < TimeSpan.Zero ? TimeSpan.Zero : wait + TimeSpan.FromMilliseconds(1), Timeout.InfiniteTimeSpan);
    }

    public void Dispose()
    {
        lock (_lock)
            _disposed = true;
        _terminal.Output -= OnOutput;
        _terminal.Exited -= OnExited;
        _terminal.Input -= OnInput;
        _terminal.Terminal.TitleChanged -= OnTitle;
        _terminal.Terminal.NotificationRequested -= OnNotification;
        _terminal.Terminal.Bell -= OnBell;
        _timer.Dispose();
    }
}

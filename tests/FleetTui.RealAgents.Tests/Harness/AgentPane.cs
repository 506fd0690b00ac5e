using System.Text;
using FleetTui.Core.Agents;
using FleetTui.Host.Agents;
using FleetTui.Host.Panes;
using FleetTui.Terminal.Pty;

namespace FleetTui.RealAgents.Tests.Harness;

/// <summary>
/// A real agent in a real fleet pane: a <see cref="PaneTerminal"/> on a <see cref="UnixPtyHost"/>, watched by an
/// <see cref="AgentStateMonitor"/> feeding an <see cref="AgentStateDetector"/> with the preset's hints, exactly the
/// pieces the runtime puts together. Records every reported state with its time, and tells when the screen first
/// showed something (checked after every chunk of output, so that moment is the truth the detector is measured against).
/// </summary>
public sealed class AgentPane : IDisposable
{
    private readonly Lock _lock = new();
    private readonly List<StateChange> _states = [];
    private readonly List<(Func<string, bool> Shows, TaskCompletionSource<DateTimeOffset> Seen)> _watches = [];
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _poll;

    public AgentPane(AgentStateHints hints, AgentStateDetectorOptions? options = null, bool startedWithPrompt = true, int columns = 100, int rows = 30)
    {
        Terminal = new PaneTerminal(columns, rows);
        Detector = new AgentStateDetector(hints, options) { StartedWithPrompt = startedWithPrompt };
        Monitor = new AgentStateMonitor(Terminal, Detector, OnState);
        Terminal.Output += _ => CheckWatches();
        // Output is the main trigger; this catches a frame completed without new output (a synchronized update's timeout).
        _poll = Task.Run(async () =>
        {
            using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(25));
            try
            {
                while (await timer.WaitForNextTickAsync(_stopping.Token))
                    CheckWatches();
            }
            catch (OperationCanceledException)
            {
            }
        });
    }

    public PaneTerminal Terminal { get; }

    public AgentStateDetector Detector { get; }

    public AgentStateMonitor Monitor { get; }

    public DateTimeOffset StartedAt { get; private set; }

    public IReadOnlyList<StateChange> States
    {
        get
        {
            lock (_lock)
                return [.. _states];
        }
    }

    public AgentState Current => Monitor.Current;

    public void Start(PtySpawnOptions options)
    {
        StartedAt = DateTimeOffset.UtcNow;
        Terminal.Start(new UnixPtyHost(), options);
        if (Terminal.StartError is { } error)
            throw new InvalidOperationException(error);
        Monitor.ObserveStarted();
    }

    /// <summary>The screen as text, one line per row (trailing blanks trimmed).</summary>
    public string ScreenText()
    {
        lock (Terminal.Terminal.SyncRoot)
            return ReadScreen();
    }

    /// <summary>When the screen first showed what <paramref name="shows"/> looks for (now, when it already does).</summary>
    public async Task<DateTimeOffset> ScreenShowsAsync(Func<string, bool> shows, string what, TimeSpan timeout)
    {
        var seen = new TaskCompletionSource<DateTimeOffset>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_lock)
            _watches.Add((shows, seen));
        CheckWatches();
        if (await Task.WhenAny(seen.Task, Task.Delay(timeout, _stopping.Token)) != seen.Task)
        {
            lock (_lock)
                _watches.RemoveAll(w => w.Seen == seen);
            throw new TimeoutException($"the screen never showed {what} within {timeout.TotalSeconds:0.#} s; it shows:\n{ScreenText()}\nstates: {string.Join(", ", States)}");
        }
        return await seen.Task;
    }

    public Task<DateTimeOffset> ScreenShowsAsync(string text, TimeSpan timeout) =>
        ScreenShowsAsync(s => s.Contains(text, StringComparison.Ordinal), $"\"{text}\"", timeout);

    /// <summary>The first state with <paramref name="activity"/> reported at or after <paramref name="since"/>.</summary>
    public async Task<StateChange> StateAsync(AgentActivity activity, DateTimeOffset since, TimeSpan timeout)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (true)
        {
            if (States.FirstOrDefault(s => s.Activity == activity && s.At >= since) is { } found)
                return found;
            if (DateTimeOffset.UtcNow > deadline)
                throw new TimeoutException($"no {activity} reported within {timeout.TotalSeconds:0.#} s; states: {string.Join(", ", States)}\nscreen:\n{ScreenText()}");
            await Task.Delay(10);
        }
    }

    /// <summary>Types keys into the pane as the cockpit would (the user's input to the PTY, seen by the monitor); returns when they were sent.</summary>
    public DateTimeOffset Press(string bytes)
    {
        var at = DateTimeOffset.UtcNow;
        Terminal.Write(Encoding.UTF8.GetBytes(bytes));
        return at;
    }

    public const string Enter = "\r";
    public const string Escape = "\e";
    public const string Down = "\e[B";

    private void OnState(AgentState state)
    {
        lock (_lock)
            _states.Add(new StateChange(DateTimeOffset.UtcNow, state));
    }

    private void CheckWatches()
    {
        lock (_lock)
        {
            if (_watches.Count == 0)
                return;
        }

        var now = DateTimeOffset.UtcNow;
        string text;
        lock (Terminal.Terminal.SyncRoot)
        {
            if (Terminal.Terminal.IsFrameHeld)
                return; // half a frame is not what a user sees
            text = ReadScreen();
        }

        lock (_lock)
        {
            foreach (var watch in _watches.Where(w => w.Shows(text)).ToList())
            {
                watch.Seen.TrySetResult(now);
                _watches.Remove(watch);
            }
        }
    }

    private string ReadScreen()
    {
        var screen = Terminal.Terminal.Screen;
        var text = new StringBuilder();
        for (var row = 0; row < screen.Rows; row++)
            text.Append(screen.GetRowText(row).TrimEnd()).Append('\n');
        return text.ToString();
    }

    public void Dispose()
    {
        _stopping.Cancel();
        _poll.Wait(TimeSpan.FromSeconds(2));
        Monitor.Dispose();
        Terminal.Dispose();
        _stopping.Dispose();
    }
}

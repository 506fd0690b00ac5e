using System.Diagnostics;
using System.Runtime.InteropServices;
using FleetTui.Terminal.Pty;
using Terminal.Gui.App;
using Terminal.Gui.Drivers;
using Terminal.Gui.ViewBase;

namespace FleetTui.Ui.MainLoop;

/// <summary>
/// Lets Terminal.Gui's main loop sleep while nothing happens. Its loop runs an iteration, then waits out the rest of
/// 1/<see cref="Application.MaximumIterationsPerSecond"/> with <c>Task.Delay(…).Wait()</c>, forever: 60 wake-ups a second,
/// each a timer callback, a thread-pool hop and a spin, with nothing to draw. Here the loop's own wait is switched off and
/// each iteration starts with ours (Terminal.Gui raises <see cref="IApplication.Iteration"/> first thing):
/// <list type="bullet">
/// <item>busy (anything happened in the last <see cref="HotPeriod"/>): iterations are paced to the frame rate, as before,
/// except right after <see cref="WakeUrgently"/> (a key, or its echo, is waiting);</item>
/// <item>idle: one <c>poll(2)</c> until something can need the loop: a timeout or <c>Invoke</c> added from any thread
/// (pane output, session changes and the output pacer all arrive that way), the next timer falling due, a key on stdin,
/// or a terminal resize (SIGWINCH).</item>
/// </list>
/// It also stops the loop re-sending the cursor (show-cursor and its position) on every iteration when it has not moved:
/// bytes on the wire over SSH for nothing.
/// </summary>
internal sealed class MainLoopIdler : IDisposable
{
    /// <summary>How long the loop keeps iterating after the last activity: covers Terminal.Gui's 50 ms wait for a lone Esc.</summary>
    public static readonly TimeSpan HotPeriod = TimeSpan.FromMilliseconds(250);

    /// <summary>Longest idle sleep by default: a safety net for anything that needs the loop without telling us.</summary>
    public static readonly TimeSpan DefaultLongestSleep = TimeSpan.FromSeconds(1);

    /// <summary>stdin when it is a terminal (keys wake the loop at once); otherwise nothing to watch (-1).</summary>
    private static readonly int KeysFd = Console.IsInputRedirected ? -1 : 0;

    private readonly IApplication _app;
    private readonly WakeSignal _wake = new();

    // Cuts a busy loop's pacing short. Kept apart from _wake, which every Invoke rings: pane output must stay paced.
    private readonly WakeSignal _urgent = new();
    private readonly long _frameTicks;
    private readonly PosixSignalRegistration? _resize;
    private readonly int _longestSleepMilliseconds;
    private long _lastStart;
    private TimeSpan _excusedAtStart;
    private long _lastActive;
    private volatile bool _sleeping;

    // Set by a wake-up for work that is not a timer (a key in Terminal.Gui's input queue, a resize): the next sleep is skipped
    // even when its ring was reset, because that work waits for the coming iteration, not a past one.
    private int _workQueued;
    private int _unpacedIterations;
    private readonly ushort _previousIterationsPerSecond;

    public MainLoopIdler(IApplication app, int framesPerSecond, TimeSpan? longestSleep = null)
    {
        _app = app;
        _longestSleepMilliseconds = (int)Math.Clamp((longestSleep ?? DefaultLongestSleep).TotalMilliseconds, 1, int.MaxValue);
        _frameTicks = Stopwatch.Frequency / Math.Max(1, framesPerSecond);
        // 1000 / 2000 rounds to 0 ms: Terminal.Gui's own wait never happens, ours paces instead.
        _previousIterationsPerSecond = Application.MaximumIterationsPerSecond;
        Application.MaximumIterationsPerSecond = 2000;
        _lastActive = Stopwatch.GetTimestamp();
        app.Iteration += OnIteration;
        app.LayoutAndDrawComplete += OnDrawn;
        if (app.TimedEvents is { } timedEvents)
            timedEvents.Added += OnTimeoutAdded;
        // Without SIGWINCH (not a Unix) a resize is noticed within the longest sleep.
        if (!OperatingSystem.IsWindows())
            _resize = PosixSignalRegistration.Create(PosixSignal.SIGWINCH, _ => Wake());
    }

    /// <summary>Told each iteration's busy time (from the end of our wait to the start of the next iteration).</summary>
    public IterationWatchdog? Watchdog { get; init; }

    /// <summary>Tests only: runs on the loop's thread as an idle sleep begins, the moment a key queued by the input thread can be missed.</summary>
    internal Action? BeforeSleep { get; set; }

    /// <summary>True while the loop sleeps for want of anything to do.</summary>
    public bool IsSleeping => _sleeping;

    /// <summary>Something needs the loop (input arrived, output to draw): ends an idle sleep now.</summary>
    public void Wake()
    {
        Volatile.Write(ref _workQueued, 1);
        _wake.Ring();
    }

    /// <summary>
    /// The user is waiting on the next iteration (a key to handle, the echo of one to draw): ends an idle sleep and the
    /// wait for the next frame slot. Rare by nature (a person types), so it cannot defeat the frame-rate cap.
    /// </summary>
    public void WakeUrgently()
    {
        // Two iterations: an Invoke queued with the wake-up runs at the end of the first one, and what it asked to be
        // drawn is drawn by the second.
        Volatile.Write(ref _unpacedIterations, 2);
        Volatile.Write(ref _workQueued, 1);
        _urgent.Ring();
        _wake.Ring();
    }

    private void OnTimeoutAdded(object? sender, TimeoutEventArgs e) => _wake.Ring();

    private void OnDrawn(object? sender, EventArgs e)
    {
        _lastActive = Stopwatch.GetTimestamp();
        FleetTui.Terminal.Diagnostics.EchoTrace.Mark("ui.drawn");
    }

    private void OnIteration(object? sender, EventArgs<IApplication?> e)
    {
        var now = Stopwatch.GetTimestamp();
        if (_lastStart != 0 && Watchdog is { } watchdog)
            watchdog.Observe(Stopwatch.GetElapsedTime(_lastStart, now) - (ExcusedTime.Total() - _excusedAtStart));
        var early = _frameTicks - (now - _lastStart);
        if (early > 0 && Volatile.Read(ref _unpacedIterations) == 0)
        {
            FleetTui.Terminal.Diagnostics.EchoTrace.Mark("ui.pace");
            _urgent.Wait((int)Math.Ceiling(early * 1000.0 / Stopwatch.Frequency));
        }
        _urgent.Reset();
        if (Volatile.Read(ref _unpacedIterations) > 0)
            Interlocked.Decrement(ref _unpacedIterations);

        if (Stopwatch.GetElapsedTime(_lastActive) > HotPeriod)
            SleepUntilNeeded();
        ForgetUnchangedCursor();
        _lastStart = Stopwatch.GetTimestamp();
        if (Watchdog is not null)
            _excusedAtStart = ExcusedTime.Total();
    }

    private void SleepUntilNeeded()
    {
        // Rings before this point were for work the busy iterations already did, except the work flagged in _workQueued: Terminal.Gui
        // handles input after this handler returns, so a key queued a moment ago would otherwise wait out the whole sleep.
        // Anything else still pending is a due timer.
        BeforeSleep?.Invoke();
        _wake.Reset();
        if (Interlocked.Exchange(ref _workQueued, 0) == 1)
            return;
        var timeout = _longestSleepMilliseconds;
        if (_app.TimedEvents is TimedEvents timedEvents && timedEvents.CheckTimers(out var untilNextTimer))
            timeout = Math.Min(timeout, untilNextTimer);
        if (timeout <= 0)
            return;
        _sleeping = true;
        FleetTui.Terminal.Diagnostics.EchoTrace.Mark("ui.sleep", timeout);
        var reason = _wake.Wait(timeout, KeysFd);
        _sleeping = false;
        if (FleetTui.Terminal.Diagnostics.EchoTrace.Enabled)
            FleetTui.Terminal.Diagnostics.EchoTrace.Mark("ui.woke", reason.ToString());
        if (reason != WakeReason.TimedOut)
            _lastActive = Stopwatch.GetTimestamp();
    }

    /// <summary>
    /// Terminal.Gui never clears its "cursor needs update" flag, so every iteration re-sends show-cursor and the position.
    /// Clear it when the cursor it would send is the one already on the terminal (the same test its UpdateCursor makes).
    /// </summary>
    private void ForgetUnchangedCursor()
    {
        if (_app.Driver is not { } driver || !driver.GetCursorNeedsUpdate())
            return;
        if (WantedCursor() == driver.GetCursor())
            driver.SetCursorNeedsUpdate(false);
    }

    private Cursor WantedCursor()
    {
        var view = _app.TopRunnableView?.MostFocused;
        if (view is null || !view.Cursor.IsVisible || view.Cursor.Position is not { } position)
            return new Cursor();
        for (var v = view; v is not null; v = v.SuperView)
        {
            if (!v.ViewportToScreen(new System.Drawing.Rectangle(System.Drawing.Point.Empty, v.Viewport.Size)).Contains(position))
                return new Cursor();
        }
        return view.Cursor;
    }

    public void Dispose()
    {
        _app.Iteration -= OnIteration;
        _app.LayoutAndDrawComplete -= OnDrawn;
        if (_app.TimedEvents is { } timedEvents)
            timedEvents.Added -= OnTimeoutAdded;
        _resize?.Dispose();
        _wake.Dispose();
        _urgent.Dispose();
        Application.MaximumIterationsPerSecond = _previousIterationsPerSecond;
    }
}

namespace FleetTui.Ui.Panes;

/// <summary>
/// Paces the redraws that a pane's output asks for. The first output after a quiet spell (a keystroke's echo) is drawn
/// at once; while a pane keeps printing, it is redrawn at most every <see cref="FloodInterval"/>, so a flood costs the
/// UI thread a bounded number of frames and leaves the CPU to parsing (the PTY thread) and to the other panes.
/// A pane the user is not looking at (not focused) floods at <see cref="BackgroundFloodInterval"/>: with eight panes
/// flooding, their redraws were most of the UI thread's work, delaying the echo of keys typed into the focused one.
/// </summary>
public sealed class OutputFramePacer
{
    /// <summary>30 frames a second for a pane that floods: smooth to the eye, half the cost of the main loop's 60.</summary>
    public static readonly TimeSpan FloodInterval = TimeSpan.FromMilliseconds(33);

    /// <summary>10 frames a second for a flooding pane without focus: visibly alive, a third of the cost.</summary>
    public static readonly TimeSpan BackgroundFloodInterval = TimeSpan.FromMilliseconds(100);

    private readonly Func<TimeSpan> _clock;
    private readonly Func<bool> _inBackground;
    private TimeSpan? _lastDraw;
    private bool _scheduled;

    /// <param name="inBackground">Whether the pane is out of the user's focus now (asked at each output); null: never.</param>
    public OutputFramePacer(Func<TimeSpan> clock, Func<bool>? inBackground = null)
    {
        _clock = clock;
        _inBackground = inBackground ?? (() => false);
    }

    /// <summary>
    /// Output arrived: returns zero to draw now, or how long to wait before drawing (the caller schedules one deferred
    /// draw and calls <see cref="Drawn"/> when it runs). Returns null when a deferred draw is already scheduled.
    /// </summary>
    public TimeSpan? OutputArrived()
    {
        if (_scheduled)
            return null;
        var since = _clock() - _lastDraw;
        var interval = _inBackground() ? BackgroundFloodInterval : FloodInterval;
        if (since is null || since >= interval)
            return TimeSpan.Zero;
        _scheduled = true;
        return interval - since;
    }

    /// <summary>The pane was drawn because of output.</summary>
    public void Drawn()
    {
        _scheduled = false;
        _lastDraw = _clock();
    }
}

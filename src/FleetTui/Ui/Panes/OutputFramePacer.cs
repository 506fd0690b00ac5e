namespace FleetTui.Ui.Panes;

/// <summary>
/// Paces the redraws that a pane's output asks for. The first output after a quiet spell (a keystroke's echo) is drawn
/// at once; while a pane keeps printing, it is redrawn at most every <see cref="FloodInterval"/>, so a flood costs the
/// UI thread a bounded number of frames and leaves the CPU to parsing (the PTY thread) and to the other panes.
/// </summary>
public sealed class OutputFramePacer
{
    /// <summary>30 frames a second for a pane that floods: smooth to the eye, half the cost of the main loop's 60.</summary>
    public static readonly TimeSpan FloodInterval = TimeSpan.FromMilliseconds(33);

    private readonly Func<TimeSpan> _clock;
    private TimeSpan? _lastDraw;
    private bool _scheduled;

    public OutputFramePacer(Func<TimeSpan> clock) => _clock = clock;

    /// <summary>
    /// Output arrived: returns zero to draw now, or how long to wait before drawing (the caller schedules one deferred
    /// draw and calls <see cref="Drawn"/> when it runs). Returns null when a deferred draw is already scheduled.
    /// </summary>
    public TimeSpan? OutputArrived()
    {
        if (_scheduled)
            return null;
        var since = _clock() - _lastDraw;
        if (since is null || since >= FloodInterval)
            return TimeSpan.Zero;
        _scheduled = true;
        return FloodInterval - since;
    }

    /// <summary>The pane was drawn because of output.</summary>
    public void Drawn()
    {
        _scheduled = false;
        _lastDraw = _clock();
    }
}

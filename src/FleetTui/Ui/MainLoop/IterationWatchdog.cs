namespace FleetTui.Ui.MainLoop;

/// <summary>
/// The rule that nothing on the UI thread waits on I/O, a process, git or a lock held across I/O, made checkable: every
/// main-loop iteration's busy time (its own sleeps excluded) is observed, and one longer than <see cref="Threshold"/> is
/// reported. The cockpit's debug build logs them; the monkey test fails on them.
/// </summary>
public sealed class IterationWatchdog
{
    public static readonly TimeSpan Threshold = TimeSpan.FromMilliseconds(250);

    /// <summary>Raised on the UI thread with the busy time of an iteration over <see cref="Threshold"/> and what it was doing.</summary>
    public event Action<TimeSpan, string>? Slow;

    public int SlowCount { get; private set; }

    public TimeSpan Longest { get; private set; }

    public void Observe(TimeSpan busy, string what = "main-loop iteration")
    {
        if (busy > Longest)
            Longest = busy;
        if (busy <= Threshold)
            return;
        SlowCount++;
        Slow?.Invoke(busy, what);
    }
}

namespace FleetTui.Ui.MainLoop;

/// <summary>
/// Time the calling thread could not run through no fault of its own, as a running total: waits for a CPU while ready to
/// run (Linux: the second field of <c>/proc/thread-self/schedstat</c>) and the runtime's garbage-collection pauses (every
/// thread stops for them; on a busy machine the collector itself waits for a CPU). A wall-clock iteration time less the
/// growth of this is what <see cref="IterationWatchdog"/> looks at: a wait on I/O, a process or a lock still counts.
/// </summary>
public static class ExcusedTime
{
    private static bool _schedstatUnavailable;

    public static TimeSpan Total() => Schedstat(1) + GC.GetTotalPauseDuration();

    /// <summary>The calling thread's time on a CPU so far (the first field of schedstat): work, as opposed to a wait.</summary>
    public static TimeSpan OnCpu() => Schedstat(0);

    private static TimeSpan Schedstat(int field)
    {
        if (_schedstatUnavailable)
            return TimeSpan.Zero;
        try
        {
            var fields = File.ReadAllText("/proc/thread-self/schedstat").Split(' ');
            return fields.Length > field && long.TryParse(fields[field], out var nanoseconds) ? TimeSpan.FromTicks(nanoseconds / 100) : TimeSpan.Zero;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _schedstatUnavailable = true;
            return TimeSpan.Zero;
        }
    }
}

namespace FleetTui.Ui.MainLoop;

/// <summary>
/// How long the calling thread has waited for a CPU while ready to run (Linux: the second field of
/// <c>/proc/thread-self/schedstat</c>). A wall-clock iteration time less this is the time the thread ran or was blocked:
/// on a machine busy with other work the thread can wait seconds for a CPU through no fault of its own, which is not what
/// <see cref="IterationWatchdog"/> is looking for (a wait on I/O, a process or a lock is still counted). Zero where unknown.
/// </summary>
public static class RunQueueClock
{
    private static bool _unavailable;

    public static TimeSpan Waited()
    {
        if (_unavailable)
            return TimeSpan.Zero;
        try
        {
            var fields = File.ReadAllText("/proc/thread-self/schedstat").Split(' ');
            return fields.Length > 1 && long.TryParse(fields[1], out var nanoseconds) ? TimeSpan.FromTicks(nanoseconds / 100) : TimeSpan.Zero;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _unavailable = true;
            return TimeSpan.Zero;
        }
    }
}

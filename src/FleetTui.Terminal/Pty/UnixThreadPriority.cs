namespace FleetTui.Terminal.Pty;

/// <summary>Thread niceness on Linux (.NET's <see cref="Thread.Priority"/> does nothing there for an unprivileged process).</summary>
public static class UnixThreadPriority
{
    /// <summary>
    /// Sets the calling thread's nice value (0 normal, 19 lowest). Best effort: an unprivileged thread can only lower its
    /// priority, and a failure leaves it as it was. Returns whether it took.
    /// </summary>
    public static bool TryLowerCurrentThread(int nice) =>
        !OperatingSystem.IsWindows() && Libc.setpriority(Libc.PRIO_PROCESS, (uint)Libc.gettid(), nice) == 0;
}

namespace FleetTui.Terminal.Pty;

/// <summary>
/// A thread sleeps in <see cref="Wait"/> until another thread calls <see cref="Ring"/>, a watched descriptor turns readable,
/// or the timeout passes: one <c>poll(2)</c> on an eventfd. No .NET timer, no thread-pool hop, so a loop that is idle
/// really sleeps (a <c>Task.Delay(…).Wait()</c> costs a timer callback, a pool worker and a spin on every wake-up).
/// </summary>
public sealed class WakeSignal : IDisposable
{
    private readonly object _gate = new();
    private int _eventFd;

    public WakeSignal()
    {
        _eventFd = Libc.eventfd(0, Libc.EFD_NONBLOCK | Libc.EFD_CLOEXEC);
        if (_eventFd < 0)
            throw new IOException($"eventfd failed (errno {System.Runtime.InteropServices.Marshal.GetLastPInvokeError()}).");
    }

    /// <summary>Wakes the waiter, or makes its next <see cref="Wait"/> return at once. Safe from any thread, any number of times.</summary>
    public unsafe void Ring()
    {
        lock (_gate)
        {
            if (_eventFd < 0)
                return;
            ulong one = 1;
            Libc.write(_eventFd, (byte*)&one, sizeof(ulong));
        }
    }

    /// <summary>Forgets rings nobody waited for (the caller has just looked at everything they could have been about).</summary>
    public unsafe void Reset()
    {
        lock (_gate)
        {
            if (_eventFd < 0)
                return;
            ulong value;
            Libc.read(_eventFd, (byte*)&value, sizeof(ulong));
        }
    }

    /// <summary>
    /// Sleeps until rung, until <paramref name="readableFd"/> (when not negative) has input, or <paramref name="timeoutMilliseconds"/>
    /// pass (negative: no limit). Returns why it woke.
    /// </summary>
    public unsafe WakeReason Wait(int timeoutMilliseconds, int readableFd = -1)
    {
        var fds = stackalloc Libc.PollFd[2];
        fds[0] = new Libc.PollFd { Fd = _eventFd, Events = Libc.POLLIN };
        fds[1] = new Libc.PollFd { Fd = readableFd, Events = Libc.POLLIN };
        var count = readableFd >= 0 ? 2u : 1u;
        int ready;
        do
        {
            ready = Libc.poll(fds, count, timeoutMilliseconds);
        }
        while (ready < 0 && System.Runtime.InteropServices.Marshal.GetLastPInvokeError() == Libc.EINTR);

        if (ready <= 0)
            return WakeReason.TimedOut;
        if ((fds[0].ReturnedEvents & Libc.POLLIN) != 0)
        {
            ulong value;
            Libc.read(_eventFd, (byte*)&value, sizeof(ulong));
            return WakeReason.Rung;
        }
        return WakeReason.Readable;
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_eventFd >= 0)
                Libc.close(_eventFd);
            _eventFd = -1;
        }
    }
}

namespace FleetTui.Terminal.Pty;

/// <summary>
/// One child on one pseudo-terminal, served by a single I/O thread that polls the master (output in, pending input
/// out), a pidfd (the child's exit) and an eventfd (wake-ups from <see cref="Write"/> and <see cref="Dispose"/>).
/// The thread owns the descriptors and closes them when it ends; every other use of them holds <see cref="_gate"/>
/// and checks they are still open, so a number is never used after the kernel may have handed it out again.
/// </summary>
internal sealed class UnixPtyProcess : IPtyProcess
{
    private const int ReadBufferSize = 64 * 1024;

    // Reads per poll round: enough to drain a full kernel buffer, few enough that input and stop requests stay prompt.
    private const int ReadsPerRound = 16;

    // Without a pidfd the thread looks for the child's exit this often.
    private const int ExitCheckMilliseconds = 50;

    private static readonly TimeSpan ThreadJoinTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan KillWaitTimeout = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan ReapCheckInterval = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan LateReapInterval = TimeSpan.FromMilliseconds(500);

    private readonly object _gate = new();
    private readonly PendingWriteBuffer _pending = new();
    private readonly PtyOutputHandler _onOutput;
    private readonly TimeSpan _gracePeriod;
    private readonly TaskCompletionSource<PtyExitStatus> _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _outputCompleted = new(TaskCreationOptions.RunContinuationsAsynchronously);

    // The process whose loop the current thread runs (a hand-over means a process has more than one I/O thread in its life).
    [ThreadStatic]
    private static UnixPtyProcess? t_serving;

    // The thread running the I/O loop now; replaced when the loop is handed over (see Foreground). Read and written under _gate.
    private Thread _ioThread;
    private bool _foreground;
    private bool _ioThreadLowered;
    private volatile bool _handOverRequested;

    private int _master;
    private int _wakeFd;
    private int _pidFd;
    private bool _reaped;
    private bool _outputClosed;
    private bool _disposed;
    private volatile bool _stopRequested;
    private Exception? _handlerFailure;

    public UnixPtyProcess(int master, int wakeFd, int pid, int pidFd, string terminalName, PtySpawnOptions options, PtyOutputHandler onOutput)
    {
        _master = master;
        _wakeFd = wakeFd;
        _pidFd = pidFd;
        _onOutput = onOutput;
        _gracePeriod = options.HangupGracePeriod;
        ProcessId = pid;
        TerminalName = terminalName;
        Columns = options.Columns;
        Rows = options.Rows;
        _ioThread = StartIoThread(predecessor: null);
    }

    public int ProcessId { get; }

    public string TerminalName { get; }

    public int Columns { get; private set; }

    public int Rows { get; private set; }

    public Task<PtyExitStatus> Exited => _exited.Task;

    public Task OutputCompleted => _outputCompleted.Task;

    public int? ForegroundProcessGroup
    {
        get
        {
            lock (_gate)
            {
                if (_master < 0)
                {
                    return null;
                }

                int group = Libc.tcgetpgrp(_master);
                return group > 0 ? group : null;
            }
        }
    }

    public unsafe void Write(ReadOnlySpan<byte> data)
    {
        if (data.IsEmpty)
        {
            return;
        }

        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_master < 0 || _outputClosed)
            {
                return;
            }

            // Straight to the terminal when nothing is queued (the usual keystroke), so input does not wait for a thread hop.
            if (_pending.IsEmpty)
            {
                int written = WriteNonBlocking(data);
                if (written < 0)
                {
                    return;
                }

                data = data[written..];
            }

            if (!data.IsEmpty)
            {
                _pending.Append(data);
                WakeIoThread();
            }
        }
    }

    public void Resize(int columns, int rows)
    {
        if (columns is < 1 or > ushort.MaxValue || rows is < 1 or > ushort.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(columns), $"Terminal size {columns}x{rows} is out of range (1..65535)");
        }

        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            Columns = columns;
            Rows = rows;
            if (_master >= 0)
            {
                UnixPtyHost.SetWindowSize(_master, columns, rows);
            }
        }
    }

    public void Signal(int signal)
    {
        lock (_gate)
        {
            SignalGroupLocked(signal);
        }
    }

    public bool Foreground
    {
        get
        {
            lock (_gate)
            {
                return _foreground;
            }
        }

        set
        {
            lock (_gate)
            {
                if (_foreground == value || _disposed || _stopRequested)
                {
                    _foreground = value;
                    return;
                }

                _foreground = value;
                if (value && _ioThreadLowered)
                {
                    // An unprivileged thread can lower its priority but never raise it again, so the loop moves to a new
                    // thread started from here (a normal-priority thread: the new one inherits the caller's priority). It
                    // waits for the old one to finish its round, so output is still read by one thread at a time, in order.
                    _handOverRequested = true;
                    _ioThread = StartIoThread(predecessor: _ioThread);
                    _ioThreadLowered = false;
                }

                WakeIoThread();
            }
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
        }

        if (t_serving == this)
        {
            // Disposed from inside the output handler: the exit can only be noticed by this very thread, so finish elsewhere.
            _ = Task.Run(Shutdown);
            return;
        }

        Shutdown();
    }

    private void Shutdown()
    {
        HangUp();
        _stopRequested = true;
        lock (_gate)
        {
            WakeIoThread();
        }

        // A handler stuck forever would hold the thread; then it closes the descriptors itself when it returns.
        Thread current;
        lock (_gate)
        {
            current = _ioThread;
        }

        current.Join(ThreadJoinTimeout);
        ReapIfStillRunning();
    }

    /// <summary>SIGHUP (what closing a real terminal sends), then SIGTERM, then SIGKILL, each after a grace period.</summary>
    private void HangUp()
    {
        if (_exited.Task.IsCompleted)
        {
            return;
        }

        lock (_gate)
        {
            int? foreground = _master >= 0 ? Libc.tcgetpgrp(_master) : null;
            SignalGroupLocked(UnixSignal.Hangup);
            if (foreground > 0 && foreground != ProcessId)
            {
                Libc.kill(-foreground.Value, UnixSignal.Hangup);
                Libc.kill(-foreground.Value, UnixSignal.Continue);
            }

            // A stopped job cannot act on SIGHUP until continued (the kernel does the same on hang-up).
            SignalGroupLocked(UnixSignal.Continue);
        }

        if (WaitForExit(_gracePeriod))
        {
            return;
        }

        Signal(UnixSignal.Terminate);
        if (WaitForExit(_gracePeriod))
        {
            return;
        }

        Signal(UnixSignal.Kill);
        WaitForExit(KillWaitTimeout);
    }

    /// <summary>
    /// Waits for the exit, also reaping from this thread: the I/O thread normally notices it, but not while it is
    /// inside an output handler that is slow or stuck.
    /// </summary>
    private bool WaitForExit(TimeSpan timeout)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!_exited.Task.Wait(ReapCheckInterval))
        {
            TryReap();
            if (clock.Elapsed >= timeout)
            {
                return _exited.Task.IsCompleted;
            }
        }

        return true;
    }

    private void SignalGroupLocked(int signal)
    {
        // Once reaped, the pid (and with it the group id) may belong to somebody else.
        if (!_reaped)
        {
            Libc.kill(-ProcessId, signal);
        }
    }

    private void ReapIfStillRunning()
    {
        if (_exited.Task.IsCompleted)
        {
            return;
        }

        // Only reachable if SIGKILL did not take within the timeout (a process stuck in the kernel): reap it whenever
        // it goes. Polled, because a blocking waitpid would have to hold the gate (see TryReap).
        _ = Task.Run(async () =>
        {
            while (!TryReap())
            {
                await Task.Delay(LateReapInterval);
            }
        });
    }

    /// <summary>
    /// The nice value of every PTY I/O thread (0 is normal, 19 the lowest priority). Measured with 8 panes flooding and
    /// typing in a 9th (scripts/bench-tui-flood-echo.sh, 2 cores): median echo 233 ms at 5, 216 at 10, 165 at 15, 154 at 19.
    /// A flooded thread that gets less CPU reads less, so the flooding program blocks on its full terminal and frees the
    /// CPU too. 15 rather than 19: a pane whose agent prints while a build saturates the machine still keeps up.
    /// </summary>
    internal const int IoThreadNice = 15;

    private Thread StartIoThread(Thread? predecessor)
    {
        var thread = new Thread(() => RunIoLoop(predecessor)) { IsBackground = true, Name = $"pty-io {ProcessId}" };
        thread.Start();
        return thread;
    }

    private unsafe void RunIoLoop(Thread? predecessor)
    {
        // Taking over from a lowered thread: it leaves between two rounds (or at once, from poll).
        predecessor?.Join();
        t_serving = this;
        _handOverRequested = false;
        byte[] buffer = new byte[ReadBufferSize];
        Libc.PollFd* fds = stackalloc Libc.PollFd[3];
        bool handedOver = false;
        try
        {
            while (!_stopRequested && !(_outputClosed && _reaped))
            {
                bool wantWrite;
                lock (_gate)
                {
                    if (_handOverRequested && _ioThread != Thread.CurrentThread)
                    {
                        handedOver = true;
                        return;
                    }

                    // This thread parses whatever the child prints. A child that floods output in a pane the user is not
                    // looking at must not starve the UI thread (keystrokes, the focused pane's redraws), so its thread runs
                    // nicer; a quiet child's thread sleeps in poll and is scheduled promptly when it wakes. Best effort: a
                    // failure only leaves the default priority.
                    if (!_foreground && !_ioThreadLowered)
                    {
                        _ioThreadLowered = UnixThreadPriority.TryLowerCurrentThread(IoThreadNice);
                    }

                    wantWrite = !_pending.IsEmpty;
                }

                fds[0] = new Libc.PollFd { Fd = _outputClosed ? -1 : _master, Events = (short)(Libc.POLLIN | (wantWrite ? Libc.POLLOUT : 0)) };
                fds[1] = new Libc.PollFd { Fd = _wakeFd, Events = Libc.POLLIN };
                fds[2] = new Libc.PollFd { Fd = _reaped ? -1 : _pidFd, Events = Libc.POLLIN };
                int timeout = _pidFd < 0 && !_reaped ? ExitCheckMilliseconds : -1;
                if (Libc.poll(fds, 3, timeout) < 0)
                {
                    int error = Libc.LastError;
                    if (error == Libc.EINTR)
                    {
                        continue;
                    }

                    throw new IOException($"poll on the terminal of process {ProcessId} failed: {Libc.ErrorText(error)}");
                }

                if (fds[1].ReturnedEvents != 0)
                {
                    DrainWakeFd();
                }

                if (_stopRequested)
                {
                    break;
                }

                if ((fds[0].ReturnedEvents & (Libc.POLLIN | Libc.POLLHUP | Libc.POLLERR)) != 0)
                {
                    ReadAvailable(buffer);
                }

                if ((fds[0].ReturnedEvents & Libc.POLLOUT) != 0)
                {
                    FlushPending();
                }

                if (!_reaped && (_pidFd < 0 || fds[2].ReturnedEvents != 0))
                {
                    TryReap();
                }
            }
        }
        catch (Exception exception)
        {
            _outputCompleted.TrySetException(exception);
        }
        finally
        {
            t_serving = null;
            if (!handedOver)
            {
                CloseDescriptors();
                _outputCompleted.TrySetResult();
            }
        }
    }

    private unsafe void ReadAvailable(byte[] buffer)
    {
        for (int round = 0; round < ReadsPerRound; round++)
        {
            nint count;
            fixed (byte* start = buffer)
            {
                count = Libc.read(_master, start, (nuint)buffer.Length);
            }

            if (count > 0)
            {
                Deliver(buffer.AsSpan(0, (int)count));
                continue;
            }

            int error = count == 0 ? Libc.EIO : Libc.LastError;
            if (error == Libc.EINTR)
            {
                continue;
            }

            if (error != Libc.EAGAIN)
            {
                // EIO: every process that had the slave open has closed it.
                MarkOutputClosed();
            }

            return;
        }
    }

    private void Deliver(ReadOnlySpan<byte> chunk)
    {
        if (_handlerFailure is not null)
        {
            return; // keep draining so the child never blocks on a full terminal
        }

        try
        {
            _onOutput(chunk);
        }
        catch (Exception exception)
        {
            _handlerFailure = exception;
            _outputCompleted.TrySetException(exception);
        }
    }

    private void MarkOutputClosed()
    {
        lock (_gate)
        {
            _outputClosed = true;
            _pending.Clear();
        }

        _outputCompleted.TrySetResult();
    }

    private void FlushPending()
    {
        lock (_gate)
        {
            while (!_pending.IsEmpty)
            {
                int written = WriteNonBlocking(_pending.Pending);
                if (written <= 0)
                {
                    if (written < 0)
                    {
                        _pending.Clear();
                    }

                    return;
                }

                _pending.Consume(written);
            }
        }
    }

    /// <returns>Bytes written (0 when the terminal is full), or -1 when it can take no more input ever.</returns>
    private unsafe int WriteNonBlocking(ReadOnlySpan<byte> data)
    {
        int total = 0;
        fixed (byte* start = data)
        {
            while (total < data.Length)
            {
                nint written = Libc.write(_master, start + total, (nuint)(data.Length - total));
                if (written > 0)
                {
                    total += (int)written;
                    continue;
                }

                int error = Libc.LastError;
                if (error == Libc.EINTR)
                {
                    continue;
                }

                return error == Libc.EAGAIN ? total : -1;
            }
        }

        return total;
    }

    /// <summary>
    /// Reaps the child if it has exited (never blocking). Under the gate, so the pid is never signalled after it was
    /// reaped and might belong to another process.
    /// </summary>
    /// <returns>True once the child has been reaped, by this call or an earlier one.</returns>
    private unsafe bool TryReap()
    {
        int status;
        int result;
        lock (_gate)
        {
            if (_reaped)
            {
                return true;
            }

            do
            {
                result = Libc.waitpid(ProcessId, &status, Libc.WNOHANG);
            }
            while (result < 0 && Libc.LastError == Libc.EINTR);

            if (result == 0)
            {
                return false; // still running
            }

            _reaped = true;
        }

        // ECHILD: somebody else reaped it (e.g. SIGCHLD set to SIG_IGN by a library); the status is lost.
        _exited.TrySetResult(result == ProcessId ? PtyExitStatus.FromWaitStatus(status) : PtyExitStatus.Unknown);
        return true;
    }

    private unsafe void WakeIoThread()
    {
        if (_wakeFd >= 0)
        {
            ulong one = 1;
            Libc.write(_wakeFd, (byte*)&one, sizeof(ulong));
        }
    }

    private unsafe void DrainWakeFd()
    {
        ulong value;
        Libc.read(_wakeFd, (byte*)&value, sizeof(ulong));
    }

    private void CloseDescriptors()
    {
        lock (_gate)
        {
            _outputClosed = true;
            _pending.Clear();
            foreach (int fd in new[] { _master, _wakeFd, _pidFd })
            {
                if (fd >= 0)
                {
                    Libc.close(fd);
                }
            }

            _master = _wakeFd = _pidFd = -1;
        }
    }
}

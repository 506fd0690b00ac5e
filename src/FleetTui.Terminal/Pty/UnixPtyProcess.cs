namespace FleetTui.Terminal.Pty;

/// <summary>
/// One child on one pseudo-terminal, served by an I/O thread that polls the master (output in, pending input out), a
/// pidfd (the child's exit) and an eventfd (wake-ups from <see cref="Write"/>, <see cref="Dispose"/> and the output
/// thread). It reads output into a <see cref="PtyOutputQueue"/>, which a <see cref="PtyOutputThread"/> hands to the output
/// handler, so reading never waits for parsing. The I/O thread owns the descriptors and closes them when it ends; every
/// other use of them holds <see cref="_gate"/> and checks they are still open, so a number is never used after the
/// kernel may have handed it out again.
/// </summary>
internal sealed class UnixPtyProcess : IPtyProcess
{
    /// <summary>
    /// How far the output handler may fall behind the reader before the reader stops (and the program blocks on its full
    /// terminal): about 3 ms of parsing at full speed, little enough that what Ctrl+C interrupts does not keep scrolling
    /// by for long, and a thousand times the kernel's own terminal buffer.
    /// </summary>
    internal const int OutputQueueBytes = 1024 * 1024;

    // Reads per poll round: enough to drain a full kernel buffer, few enough that input and stop requests stay prompt.
    private const int ReadsPerRound = 64;

    // The most one read of a terminal returns (the line discipline's buffer, less one byte): a read that size means more is likely waiting.
    private const int KernelReadSize = 4095;

    // After the child's exit, at most this much more output is read before the exit is reported anyway (its background
    // jobs may go on printing into the terminal forever).
    private const int ReadAfterExitLimit = 256 * 1024;

    // Without a pidfd the thread looks for the child's exit this often.
    private const int ExitCheckMilliseconds = 50;

    private static readonly TimeSpan ThreadJoinTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan KillWaitTimeout = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan ReapCheckInterval = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan LateReapInterval = TimeSpan.FromMilliseconds(500);

    private readonly object _gate = new();
    private readonly PendingWriteBuffer _pending = new();
    private readonly TimeSpan _gracePeriod;
    private readonly PtyOutputQueue _output;
    private readonly PtyOutputThread _outputThread;
    private readonly TaskCompletionSource _reapedSignal = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Thread _ioThread;

    private int _master;
    private int _wakeFd;
    private int _pidFd;
    private volatile bool _reaped;
    private PtyExitStatus _exitStatus;
    private bool _exitPending;
    private long _readAfterExit;
    private bool _outputClosed;
    private volatile bool _disposed;
    private volatile bool _stopRequested;

    public UnixPtyProcess(int master, int wakeFd, int pid, int pidFd, string terminalName, PtySpawnOptions options, PtyOutputHandler onOutput)
    {
        _master = master;
        _wakeFd = wakeFd;
        _pidFd = pidFd;
        _gracePeriod = options.HangupGracePeriod;
        ProcessId = pid;
        TerminalName = terminalName;
        Columns = options.Columns;
        Rows = options.Rows;
        _output = new PtyOutputQueue(OutputQueueBytes, () =>
        {
            lock (_gate)
            {
                WakeIoThread();
            }
        });
        _outputThread = new PtyOutputThread(pid, onOutput, _output);
        _ioThread = new Thread(RunIoLoop) { IsBackground = true, Name = $"pty-io {pid}" };
        _ioThread.Start();
    }

    public int ProcessId { get; }

    public string TerminalName { get; }

    public int Columns { get; private set; }

    public int Rows { get; private set; }

    public Task<PtyExitStatus> Exited => _outputThread.Exited;

    /// <summary>Output read from the terminal and not yet taken by the handler.</summary>
    internal long QueuedOutputBytes => _output.Length;

    public Task OutputCompleted => _outputThread.OutputCompleted;

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
        get => _outputThread.Foreground;
        set
        {
            if (!_disposed && !_stopRequested)
            {
                _outputThread.Foreground = value;
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

        if (_outputThread.IsCurrentThread)
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

        _ioThread.Join(ThreadJoinTimeout);

        // Whatever is still queued is dropped: nobody wants this terminal's output any more. A handler stuck forever would
        // hold its thread; the join gives up after a while.
        _outputThread.Stop();
        _outputThread.Join(ThreadJoinTimeout);
        ReapIfStillRunning();
        if (_reaped)
        {
            _outputThread.ReportExit(_exitStatus);
        }
    }

    /// <summary>SIGHUP (what closing a real terminal sends), then SIGTERM, then SIGKILL, each after a grace period.</summary>
    private void HangUp()
    {
        if (_reaped)
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
        while (!_reapedSignal.Task.Wait(ReapCheckInterval))
        {
            TryReap();
            if (clock.Elapsed >= timeout)
            {
                return _reaped;
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
        if (_reaped)
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

            _outputThread.ReportExit(_exitStatus);
        });
    }

    private unsafe void RunIoLoop()
    {
        Libc.PollFd* fds = stackalloc Libc.PollFd[3];
        try
        {
            while (!_stopRequested && !(_outputClosed && _reaped))
            {
                bool wantWrite;
                lock (_gate)
                {
                    wantWrite = !_pending.IsEmpty;
                }

                // While the output thread is a whole queue behind, the terminal is not read (the program blocks on it once
                // the kernel's buffer is full too); the output thread wakes this one when half the queue is free.
                bool wantRead = _output.HasRoom();
                short events = (short)((wantRead ? Libc.POLLIN : 0) | (wantWrite ? Libc.POLLOUT : 0));
                fds[0] = new Libc.PollFd { Fd = _outputClosed || events == 0 ? -1 : _master, Events = events };
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

                bool drained = false;
                if ((fds[0].ReturnedEvents & (Libc.POLLIN | Libc.POLLHUP | Libc.POLLERR)) != 0)
                {
                    drained = ReadAvailable();
                }

                if ((fds[0].ReturnedEvents & Libc.POLLOUT) != 0)
                {
                    FlushPending();
                }

                if (!_reaped && (_pidFd < 0 || fds[2].ReturnedEvents != 0) && TryReap())
                {
                    // What the child printed before it exited may still be in the kernel's buffer: read it first.
                    _exitPending = true;
                    drained = ReadAvailable();
                }

                if (_exitPending && (drained || _outputClosed || _readAfterExit >= ReadAfterExitLimit))
                {
                    PostExit();
                }
            }
        }
        catch (Exception exception)
        {
            _outputThread.Fail(exception);
        }
        finally
        {
            CloseDescriptors();
            if (_exitPending)
            {
                PostExit();
            }

            _output.Complete();
        }
    }

    /// <summary>The exit goes into the output queue behind every byte read so far (or straight out when the output ended).</summary>
    private void PostExit()
    {
        _exitPending = false;
        if (!_output.PostExit(_exitStatus))
        {
            _outputThread.ReportExit(_exitStatus);
        }
    }

    /// <summary>Reads what the terminal has into the output queue.</summary>
    /// <returns>True when the terminal has nothing more to read now (or is closed); false when the queue is full or the round ended.</returns>
    private bool ReadAvailable()
    {
        try
        {
            return ReadIntoQueue();
        }
        finally
        {
            _output.Flush();
        }
    }

    private unsafe bool ReadIntoQueue()
    {
        if (_outputClosed)
        {
            return true;
        }

        for (int round = 0; round < ReadsPerRound; round++)
        {
            Span<byte> space = _output.Reserve();
            if (space.IsEmpty)
            {
                return false;
            }

            nint count;
            fixed (byte* start = space)
            {
                count = Libc.read(_master, start, (nuint)space.Length);
            }

            // A read that filled the space may have left more behind: read on before waking the output thread.
            _output.Commit(count > 0 ? (int)count : 0, moreComing: count == space.Length || count >= KernelReadSize);
            if (count > 0)
            {
                if (_reaped)
                {
                    _readAfterExit += count;
                }

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

            return true;
        }

        return false;
    }

    private void MarkOutputClosed()
    {
        lock (_gate)
        {
            _outputClosed = true;
            _pending.Clear();
        }

        _output.Complete();
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

            // ECHILD: somebody else reaped it (e.g. SIGCHLD set to SIG_IGN by a library); the status is lost.
            _exitStatus = result == ProcessId ? PtyExitStatus.FromWaitStatus(status) : PtyExitStatus.Unknown;
            _reaped = true;
        }

        _reapedSignal.TrySetResult();
        if (_disposed)
        {
            // Being stopped: the queued output is dropped, the exit is news at once (the I/O thread may be gone already).
            _outputThread.ReportExit(_exitStatus);
        }

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

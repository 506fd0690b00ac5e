namespace FleetTui.Terminal.Pty;

/// <summary>
/// Hands a PTY's output to its <see cref="PtyOutputHandler"/> on a thread of its own, apart from the I/O thread that
/// reads the terminal: while the handler parses one chunk, the reader keeps the kernel's small terminal buffer drained
/// into the <see cref="PtyOutputQueue"/>, so the program goes on writing instead of waiting for the parse (the first
/// <c>cat</c> of 20 MB in a pane ran at 42–89% of the raw read rate with both on one thread). A handler that falls a whole
/// queue behind stops the reader, and the program then blocks on its full terminal, as with any slow terminal.
/// <para>The exit status comes out after every byte read before the exit was handled, so whoever sees the exit sees the
/// program's last words on the screen too.</para>
/// </summary>
internal sealed class PtyOutputThread
{
    /// <summary>
    /// The nice value of the output thread of a terminal nobody looks at (0 is normal, 19 the lowest priority). Measured
    /// with 8 panes flooding and typing in a 9th (scripts/bench-tui-flood-echo.sh, 2 cores): median echo 233 ms at 5,
    /// 216 at 10, 165 at 15, 154 at 19. A flooded handler that gets less CPU takes less, the queue fills, the reader stops
    /// and the flooding program blocks on its full terminal, freeing the CPU too. 15 rather than 19: a pane whose agent
    /// prints while a build saturates the machine still keeps up.
    /// </summary>
    internal const int BackgroundNice = 15;

    // The instance whose loop the current thread runs (a hand-over means a terminal has more than one output thread in its life).
    [ThreadStatic]
    private static PtyOutputThread? t_serving;

    private readonly Lock _gate = new();
    private readonly PtyOutputQueue _queue;
    private readonly PtyOutputHandler _handler;
    private readonly int _processId;
    private readonly TaskCompletionSource<PtyExitStatus> _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _completed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    // The thread running the loop now; replaced when the loop is handed over (see Foreground). Under _gate.
    private Thread _thread;
    private bool _foreground;
    private bool _lowered;
    private bool _stopped;
    private volatile bool _handOverRequested;
    private Exception? _handlerFailure;

    public PtyOutputThread(int processId, PtyOutputHandler handler, PtyOutputQueue queue)
    {
        _processId = processId;
        _handler = handler;
        _queue = queue;
        _thread = Start(predecessor: null);
    }

    /// <summary>Completes with the program's exit once every byte read before it was handled (or at once on a stop).</summary>
    public Task<PtyExitStatus> Exited => _exited.Task;

    /// <summary>Completes once the queue ended and every byte in it was handled, or the output was stopped; faulted if the handler threw.</summary>
    public Task OutputCompleted => _completed.Task;

    /// <summary>True on the thread running the handler (where joining the output thread would wait for itself).</summary>
    public bool IsCurrentThread => t_serving == this;

    /// <summary>Normal priority for a terminal the user looks at, <see cref="BackgroundNice"/> otherwise (false at first).</summary>
    public bool Foreground
    {
        get
        {
            lock (_gate)
                return _foreground;
        }
        set
        {
            lock (_gate)
            {
                if (_foreground == value || _stopped)
                {
                    _foreground = value;
                    return;
                }

                _foreground = value;
                if (value && _lowered)
                {
                    // An unprivileged thread can lower its priority but never raise it again, so the loop moves to a new
                    // thread started from here (a normal-priority thread: the new one inherits the caller's priority). It
                    // waits for the old one to finish its chunk, so output is still handled by one thread at a time, in order.
                    _handOverRequested = true;
                    _thread = Start(predecessor: _thread);
                    _lowered = false;
                }

                // The loop looks at its priority between chunks: wake it if it waits for output.
                _queue.Nudge();
            }
        }
    }

    /// <summary>Reports the exit now, whatever is still queued (the output is being stopped, or has ended already).</summary>
    public void ReportExit(PtyExitStatus status) => _exited.TrySetResult(status);

    /// <summary>The reader failed: the output ends with this error.</summary>
    public void Fail(Exception error) => _completed.TrySetException(error);

    /// <summary>Drops what is queued and ends the loop after the chunk in hand; <see cref="Join"/> waits for that.</summary>
    public void Stop()
    {
        lock (_gate)
            _stopped = true;
        _queue.Abort();
    }

    public void Join(TimeSpan timeout)
    {
        Thread current;
        lock (_gate)
            current = _thread;
        current.Join(timeout);
    }

    private Thread Start(Thread? predecessor)
    {
        var thread = new Thread(() => Run(predecessor)) { IsBackground = true, Name = $"pty-out {_processId}" };
        thread.Start();
        return thread;
    }

    private void Run(Thread? predecessor)
    {
        // Taking over from a lowered thread: it leaves between two chunks (or at once, from its wait).
        predecessor?.Join();
        t_serving = this;
        var handedOver = false;
        try
        {
            while (true)
            {
                lock (_gate)
                {
                    if (_handOverRequested && _thread != Thread.CurrentThread)
                    {
                        handedOver = true;
                        return;
                    }

                    _handOverRequested = false;
                    // A child that floods output in a pane the user is not looking at must not starve the UI (keystrokes, the
                    // focused pane's redraws), so its handler runs nicer; a quiet child's thread sleeps in the queue and is
                    // scheduled promptly when it wakes. Best effort: a failure only leaves the default priority.
                    if (!_foreground && !_lowered)
                        _lowered = UnixThreadPriority.TryLowerCurrentThread(BackgroundNice);
                }

                if (!_queue.Take(out var chunk, out var exit))
                    return;
                if (exit is { } status)
                {
                    _exited.TrySetResult(status);
                    continue;
                }

                Deliver(chunk);
                _queue.Release(chunk.Length);
            }
        }
        catch (Exception error)
        {
            _completed.TrySetException(error);
        }
        finally
        {
            t_serving = null;
            if (!handedOver)
            {
                _queue.ReturnSegments();
                _completed.TrySetResult();
            }
        }
    }

    private void Deliver(ReadOnlySpan<byte> chunk)
    {
        if (_handlerFailure is not null || chunk.IsEmpty)
            return; // after a failure: keep draining so the child never blocks on a full terminal

        try
        {
            _handler(chunk);
        }
        catch (Exception exception)
        {
            _handlerFailure = exception;
            _completed.TrySetException(exception);
        }
    }
}

using FleetTui.Terminal.Emulation;
using FleetTui.Terminal.Input;
using FleetTui.Terminal.Pty;

namespace FleetTui.Host.Panes;

/// <summary>
/// One task's terminal: a <see cref="VirtualTerminal"/> fed by a program on a PTY. Output is parsed on the PTY's own
/// thread (a flooding pane costs its own parse time); the UI only learns "something changed" through
/// <see cref="Changed"/>, raised at most once until the UI calls <see cref="AcknowledgeChange"/>, so a burst of output
/// costs one wake-up per frame, not one per chunk.
/// </summary>
public sealed class PaneTerminal : IDisposable
{
    private readonly Lock _processLock = new();
    private readonly List<byte[]> _repliesBeforeStart = [];
    private IPtyProcess? _process;
    private bool _foreground;
    private readonly TaskCompletionSource<PtyExitStatus> _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _changeSignalled;
    private bool _disposed;

    public PaneTerminal(int columns, int rows)
    {
        Terminal = new VirtualTerminal(Math.Max(1, columns), Math.Max(1, rows));
        // Answers to the program's queries (DA1, cursor position, colors) go straight back to it.
        Terminal.Replied += reply => WriteToProgram(reply, isInput: false);
        HistoryPacker.Shared.Add(Terminal);
    }

    public VirtualTerminal Terminal { get; }

    /// <summary>Raised on a background thread when the screen changed or the program exited; see the class remarks.</summary>
    public event Action? Changed;

    /// <summary>Raised once on a background thread when the program exited (not coalesced with <see cref="Changed"/>).</summary>
    public event Action? Exited;

    /// <summary>
    /// Raised on the PTY thread after each chunk of output was parsed, with its size in bytes (not coalesced: the agent
    /// state monitor counts activity; keep handlers cheap).
    /// </summary>
    public event Action<int>? Output;

    /// <summary>
    /// Raised with each write of the user's input (keys, pastes, mouse: everything written through <see cref="Write"/>,
    /// not the terminal's own replies), before it reaches the program: the state monitor sees a dialog being answered.
    /// </summary>
    public event Action<byte[]>? Input;

    /// <summary>Null while the program runs (or before it starts).</summary>
    public PtyExitStatus? ExitStatus { get; private set; }

    /// <summary>Why the program could not start (the command that was tried), or null.</summary>
    public string? StartError { get; private set; }

    public bool IsRunning => _process is not null && ExitStatus is null;

    public int? ProcessId => _process?.ProcessId;

    /// <summary>Starts the program on a PTY of the terminal's current size.</summary>
    public void Start(IPtyHost host, PtySpawnOptions options)
    {
        int columns, rows;
        lock (Terminal.SyncRoot)
            (columns, rows) = (Terminal.Screen.Columns, Terminal.Screen.Rows);
        try
        {
            var process = host.Spawn(options with { Columns = columns, Rows = rows }, chunk =>
            {
                Terminal.Feed(chunk);
                SignalChange();
                FleetTui.Terminal.Diagnostics.EchoTrace.Mark("host.output", chunk.Length);
                Output?.Invoke(chunk.Length);
            });
            lock (_processLock)
            {
                if (_disposed)
                {
                    // Disposed while the program was being started: it must not outlive us.
                    process.Dispose();
                    return;
                }
                _process = process;
                // A resize while the program was being started reached the screen but found no PTY to resize: the program
                // would go on at the size it was started with while the screen showed another (a client typing at once
                // after switching saw `tput cols` answer the old width).
                if (_resizedTo is { } size && size != (columns, rows))
                    process.Resize(size.Columns, size.Rows);
                process.Foreground = _foreground;
                foreach (var reply in _repliesBeforeStart)
                    process.Write(reply);
                _repliesBeforeStart.Clear();
            }
            process.Exited.ContinueWith(t =>
            {
                ExitStatus = t.IsCompletedSuccessfully ? t.Result : PtyExitStatus.Unknown;
                SignalChange();
                _exited.TrySetResult(ExitStatus.Value);
                Exited?.Invoke();
            }, TaskScheduler.Default);
        }
        catch (PtySpawnException e)
        {
            Fail($"could not start {string.Join(' ', options.Arguments)}: {e.Message}");
        }
    }

    /// <summary>
    /// The program will not start (command not found, ticket missing…): the pane keeps <paramref name="message"/> on
    /// screen, plainly, instead of a program that flashes and dies.
    /// </summary>
    public void Fail(string message)
    {
        StartError = message;
        Terminal.Feed($"\e[31m{message.Replace("\n", "\r\n", StringComparison.Ordinal)}\e[0m\r\n");
        SignalChange();
    }

    /// <summary>Completes with the exit status once the program exited (never when it did not start).</summary>
    public Task<PtyExitStatus> WhenExited => _exited.Task;

    /// <summary>The terminal's foreground process group (another than <see cref="ProcessId"/>: a child runs in the foreground).</summary>
    public int? ForegroundProcessGroup
    {
        get
        {
            lock (_processLock)
                return _process?.ForegroundProcessGroup;
        }
    }

    /// <summary>
    /// The user is looking at this pane (it has the focus): its program's output is read at normal priority, while the
    /// other panes' is read at a lower one (see <see cref="IPtyProcess.Foreground"/>). Kept across restarts of the program.
    /// </summary>
    public bool Foreground
    {
        get
        {
            lock (_processLock)
                return _foreground;
        }
        set
        {
            lock (_processLock)
            {
                _foreground = value;
                if (_process is { } process)
                    process.Foreground = value;
            }
        }
    }

    /// <summary>Sends a signal to the program's process group; ignored when it is not running.</summary>
    public void Signal(int signal)
    {
        IPtyProcess? process;
        lock (_processLock)
            process = _process;
        if (ExitStatus is null)
            process?.Signal(signal);
    }

    /// <summary>The user's bytes for the program (keys, paste, mouse); dropped when it is not running.</summary>
    public void Write(ReadOnlySpan<byte> data)
    {
        HistoryPacker.Shared.InputArrived();
        WriteToProgram(data, isInput: true);
    }

    private void WriteToProgram(ReadOnlySpan<byte> data, bool isInput)
    {
        if (isInput && Input is { } input && ExitStatus is null)
            input(data.ToArray());
        lock (_processLock)
        {
            if (_process is null)
            {
                if (ExitStatus is null && StartError is null)
                    _repliesBeforeStart.Add(data.ToArray());
                return;
            }
        }
        try
        {
            _process.Write(data);
        }
        catch (ObjectDisposedException)
        {
            // The agent is gone (destroyed, restarted): a key for it is lost, as in any terminal whose program ended.
        }
    }

    // The latest size asked for, under _processLock: what a program started meanwhile must be brought to.
    private (int Columns, int Rows)? _resizedTo;

    /// <summary>Resizes the screen and tells the program (TIOCSWINSZ → SIGWINCH). A no-op when the size is unchanged.</summary>
    public void Resize(int columns, int rows)
    {
        columns = Math.Max(1, columns);
        rows = Math.Max(1, rows);
        lock (Terminal.SyncRoot)
        {
            if (Terminal.Screen.Columns == columns && Terminal.Screen.Rows == rows)
                return;
        }
        Terminal.Resize(columns, rows);
        lock (_processLock)
        {
            _resizedTo = (columns, rows);
            try
            {
                _process?.Resize(columns, rows);
            }
            catch (ObjectDisposedException)
            {
                // Disposed (destroyed, restarted) while a client still showed it: its screen resizes, its PTY is no more.
                // This ended the cockpit before the host split, and the client's connection after it (issue 12, item 2).
            }
        }
    }

    /// <summary>The modes that decide what keys, pastes and the mouse send, read from the emulator.</summary>
    public InputModes InputModes
    {
        get
        {
            lock (Terminal.SyncRoot)
            {
                var modes = Terminal.Screen.Modes;
                return new InputModes(
                    modes.ApplicationCursorKeys,
                    modes.BracketedPaste,
                    Enum.Parse<MouseTracking>(modes.MouseTracking.ToString()),
                    modes.MouseEncoding switch
                    {
                        // Spelled out: the screen knows encodings a program can ask for that parsing a name would not
                        // (1005, 1015, 1016 once threw here, on every key, for as long as the program kept the mode).
                        FleetTui.Terminal.Screen.MouseEncoding.Sgr => MouseEncoding.Sgr,
                        FleetTui.Terminal.Screen.MouseEncoding.Utf8 => MouseEncoding.Utf8,
                        FleetTui.Terminal.Screen.MouseEncoding.Urxvt => MouseEncoding.Urxvt,
                        FleetTui.Terminal.Screen.MouseEncoding.SgrPixels => MouseEncoding.SgrPixels,
                        _ => MouseEncoding.Default,
                    },
                    modes.FocusEvents,
                    modes.BackarrowSendsBackspace);
            }
        }
    }

    /// <summary>The UI took the change: the next output raises <see cref="Changed"/> again.</summary>
    public void AcknowledgeChange() => Volatile.Write(ref _changeSignalled, 0);

    private void SignalChange()
    {
        if (Interlocked.Exchange(ref _changeSignalled, 1) == 0)
            Changed?.Invoke();
    }

    public void Dispose()
    {
        IPtyProcess? process;
        lock (_processLock)
        {
            _disposed = true;
            process = _process;
        }
        process?.Dispose();
        HistoryPacker.Shared.Remove(Terminal);
    }
}

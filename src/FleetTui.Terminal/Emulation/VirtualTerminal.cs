using System.Text;
using FleetTui.Terminal.Parsing;
using FleetTui.Terminal.Screen;

namespace FleetTui.Terminal.Emulation;

/// <summary>
/// A headless terminal: parser, handler and screens in one object. The PTY reader thread calls <see cref="Feed"/>;
/// the UI thread reads <see cref="Screen"/> inside <c>lock (terminal.SyncRoot)</c> and asks <see cref="TakeFrame"/>
/// once per frame which rows to redraw.
/// <para>Synchronized output (mode 2026): while a program is between the start and the end of a frame,
/// <see cref="TakeFrame"/> publishes nothing, so the renderer keeps showing the previous complete frame; the hold ends
/// when the program resets the mode or after <see cref="SynchronizedOutputTimeout"/>.</para>
/// <para>Events run on the feeding thread with the lock held: marshal to the UI (e.g. <c>app.Invoke</c>) and don't block.</para>
/// </summary>
public sealed class VirtualTerminal
{
    /// <summary>How long a synchronized update may hold the screen (as in other terminals: a stuck program can't freeze it).</summary>
    public static readonly TimeSpan SynchronizedOutputTimeout = TimeSpan.FromMilliseconds(150);

    private readonly VtParser _parser;
    private readonly TerminalHandler _handler;
    private readonly TimeProvider _time;
    private long _holdStarted;

    public VirtualTerminal(int columns, int rows, int scrollbackLimit = Scrollback.DefaultLimit, TimeProvider? timeProvider = null)
    {
        _time = timeProvider ?? TimeProvider.System;
        Screen = new ScreenBuffer(columns, rows, scrollbackLimit);
        _handler = new TerminalHandler(Screen);
        _parser = new VtParser(_handler);
        _handler.SynchronizedOutputChanged += on =>
        {
            if (on)
                _holdStarted = _time.GetTimestamp();
        };
    }

    /// <summary>Lock this while reading <see cref="Screen"/> from another thread than the one feeding.</summary>
    public Lock SyncRoot { get; } = new();

    public ScreenBuffer Screen { get; }

    /// <summary>Colors answered to OSC 4/10/11/12 queries; set them from the theme.</summary>
    public TerminalPalette Palette => _handler.Palette;

    /// <summary>Incremented by every <see cref="Feed"/> and <see cref="Resize"/> that changed something visible.</summary>
    public long Version { get; private set; }

    /// <summary>True while a synchronized update (mode 2026) holds the last complete frame on screen.</summary>
    public bool IsFrameHeld
    {
        get
        {
            lock (SyncRoot)
                return HeldUnlocked;
        }
    }

    private bool HeldUnlocked =>
        Screen.Modes.SynchronizedOutput && _time.GetElapsedTime(_holdStarted) < SynchronizedOutputTimeout;

    /// <summary>Bytes to write back to the program (answers to its queries).</summary>
    public event TerminalReplyHandler? Replied
    {
        add => _handler.Replied += value;
        remove => _handler.Replied -= value;
    }

    public event Action<string>? TitleChanged
    {
        add => _handler.TitleChanged += value;
        remove => _handler.TitleChanged -= value;
    }

    public event Action<string>? WorkingDirectoryChanged
    {
        add => _handler.WorkingDirectoryChanged += value;
        remove => _handler.WorkingDirectoryChanged -= value;
    }

    public event Action<TerminalNotification>? NotificationRequested
    {
        add => _handler.NotificationRequested += value;
        remove => _handler.NotificationRequested -= value;
    }

    public event Action<ClipboardRequest>? ClipboardRequested
    {
        add => _handler.ClipboardRequested += value;
        remove => _handler.ClipboardRequested -= value;
    }

    public event Action? Bell
    {
        add => _handler.Bell += value;
        remove => _handler.Bell -= value;
    }

    /// <summary>Feeds the program's output (any chunking: sequences split across calls are completed later).</summary>
    public void Feed(ReadOnlySpan<byte> data)
    {
        lock (SyncRoot)
        {
            _parser.Advance(data);
            if (Screen.Dirty.Any)
                Version++;
        }
    }

    public void Feed(string text) => Feed(Encoding.UTF8.GetBytes(text));

    /// <summary>Lines packed under one hold of the lock: the most the feeding thread waits for is packing this many.</summary>
    public const int PackedLinesPerLock = 256;

    /// <summary>
    /// One packing pass over the history: packs up to <paramref name="budget"/> lines that sat idle since the previous pass
    /// (see <see cref="Scrollback.PackIdleLines"/>), taking the lock for <see cref="PackedLinesPerLock"/> lines at a time,
    /// then marks what is in history now for the next pass. Call it from a timer, every few seconds.
    /// </summary>
    public int PackIdleHistory(int budget)
    {
        var packed = 0;
        while (packed < budget)
        {
            var chunk = Math.Min(PackedLinesPerLock, budget - packed);
            int done;
            lock (SyncRoot)
                done = Screen.Scrollback.PackIdleLines(chunk);
            packed += done;
            if (done < chunk)
                break;
        }

        lock (SyncRoot)
            Screen.Scrollback.MarkIdle();
        return packed;
    }

    /// <summary>Resizes both screens (the PTY host separately tells the program with TIOCSWINSZ).</summary>
    public void Resize(int columns, int rows)
    {
        lock (SyncRoot)
        {
            Screen.Resize(columns, rows);
            Version++;
        }
    }

    /// <summary>
    /// Moves the rows changed since the last call into <paramref name="dirty"/> and returns true when there is something to
    /// draw; returns false (and keeps the changes for later) while a synchronized update holds the frame.
    /// </summary>
    public bool TakeFrame(DirtyRowSet dirty)
    {
        lock (SyncRoot)
        {
            if (HeldUnlocked || !Screen.Dirty.Any)
                return false;
            Screen.TakeDirtyRows(dirty);
            return true;
        }
    }

    /// <summary>Answers an OSC 52 clipboard query the UI chose to allow.</summary>
    public void AnswerClipboardQuery(string selection, string text)
    {
        lock (SyncRoot)
            _handler.Reply($"\e]52;{selection};{Convert.ToBase64String(Encoding.UTF8.GetBytes(text))}\e\\");
    }
}

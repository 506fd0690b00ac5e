using FleetTui.Terminal.Emulation;

namespace FleetTui.Host.Panes;

/// <summary>
/// Packs the idle history of every pane in the host every few seconds (issue 17, goal 5: 8 panes after 20 MB each held
/// 179 MB, nearly all of it history lines at 20 bytes a cell). Off the hot path: one timer for all panes, a bounded number
/// of lines per pane and pass (so the PTY thread waits at most about a millisecond for the lock), and only lines that sat
/// in history through a whole interval (<see cref="VirtualTerminal.PackIdleHistory"/>): a flooding pane's lines scroll out
/// before they are ever packed, so a flood costs what it did. A pass over panes with nothing new to pack costs a few
/// comparisons each, so 30 idle panes stay idle.
/// </summary>
public sealed class HistoryPacker : IDisposable
{
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromSeconds(5);

    /// <summary>Lines packed per pane and pass: a full 10,000-line history is packed within three passes.</summary>
    public const int LinesPerPass = 4000;

    /// <summary>
    /// After a pass that packed this many lines (about 12 MB of cells at 80 columns), an aggressive collection gives the
    /// memory back to the system: an ordinary (even compacting) one keeps the freed regions committed for the next burst,
    /// so RSS stayed at 142 MB where the heap had gone down to 18 MB (pane-memory). It blocks the host's threads once
    /// (50-200 ms measured under load), after output that had stopped for a whole interval; it does not recur while nothing
    /// new goes idle, and it waits until nobody has typed into any pane for <see cref="QuietBeforeCollecting"/>: that pause
    /// must not land between a key and its echo.
    /// </summary>
    private const int CollectAfterLines = 8000;

    /// <summary>How long without a key to any pane before the collection that gives packed memory back may run.</summary>
    public static readonly TimeSpan QuietBeforeCollecting = TimeSpan.FromSeconds(3);

    private readonly TimeProvider _time;
    private long _lastInputAt;
    private int _packedSinceCollection;

    private readonly Lock _lock = new();
    // Weak: a pane nobody disposed (a test's, a crashed launch's) must not be kept alive by its packer.
    private readonly List<WeakReference<VirtualTerminal>> _terminals = [];
    private readonly ITimer _timer;
    private readonly TimeSpan _interval;
    private bool _running;

    public HistoryPacker(TimeSpan interval, TimeProvider? time = null)
    {
        _interval = interval;
        _time = time ?? TimeProvider.System;
        _lastInputAt = _time.GetTimestamp() - (long)(QuietBeforeCollecting.TotalSeconds * _time.TimestampFrequency);
        _timer = _time.CreateTimer(_ => PackOnce(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>The host's packer, which every <see cref="PaneTerminal"/> joins while it lives.</summary>
    public static HistoryPacker Shared { get; } = new(DefaultInterval);

    /// <summary>Lines packed since this packer was made (for tests and benchmarks).</summary>
    public long LinesPacked => Interlocked.Read(ref _linesPacked);

    private long _linesPacked;

    /// <summary>Someone typed into a pane (called for every write of input: one store).</summary>
    public void InputArrived() => Volatile.Write(ref _lastInputAt, _time.GetTimestamp());

    /// <summary>Whether the collection owed after big passes is still waiting for a quiet moment (for tests).</summary>
    public bool CollectionOwed => Volatile.Read(ref _packedSinceCollection) >= CollectAfterLines;

    public void Add(VirtualTerminal terminal)
    {
        lock (_lock)
        {
            _terminals.Add(new WeakReference<VirtualTerminal>(terminal));
            if (!_running)
            {
                _running = true;
                _timer.Change(_interval, _interval);
            }
        }
    }

    public void Remove(VirtualTerminal terminal)
    {
        lock (_lock)
        {
            _terminals.RemoveAll(w => !w.TryGetTarget(out var t) || ReferenceEquals(t, terminal));
            StopWhenEmpty();
        }
    }

    public bool Contains(VirtualTerminal terminal)
    {
        lock (_lock)
            return _terminals.Exists(w => w.TryGetTarget(out var t) && ReferenceEquals(t, terminal));
    }

    private void StopWhenEmpty()
    {
        if (_terminals.Count == 0 && _running)
        {
            // No panes, no wake-ups.
            _running = false;
            _timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>One pass over every pane (the timer's work; tests call it directly).</summary>
    public int PackOnce()
    {
        var terminals = new List<VirtualTerminal>();
        lock (_lock)
        {
            _terminals.RemoveAll(w => !w.TryGetTarget(out _));
            foreach (var reference in _terminals)
            {
                if (reference.TryGetTarget(out var terminal))
                    terminals.Add(terminal);
            }

            StopWhenEmpty();
        }

        var packed = 0;
        foreach (var terminal in terminals)
            packed += terminal.PackIdleHistory(LinesPerPass);
        Interlocked.Add(ref _linesPacked, packed);
        if (Interlocked.Add(ref _packedSinceCollection, packed) >= CollectAfterLines
            && _time.GetElapsedTime(Volatile.Read(ref _lastInputAt)) >= QuietBeforeCollecting)
        {
            Volatile.Write(ref _packedSinceCollection, 0);
            GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        }
        return packed;
    }

    public void Dispose() => _timer.Dispose();
}

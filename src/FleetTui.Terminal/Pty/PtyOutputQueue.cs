using System.Buffers;

namespace FleetTui.Terminal.Pty;

/// <summary>
/// The bytes a PTY's reader has read and its output handler has not taken yet: one producer (the I/O thread, which reads
/// straight into the queue's memory) and one consumer (the output thread). A ring of <see cref="Capacity"/> bytes split
/// into <see cref="SegmentSize"/> segments rented from the shared array pool as the ring fills and given back when the
/// producer finds it empty, so a terminal that went quiet holds one segment (after its next output) and a flood allocates nothing. Ends with <see cref="Complete"/> (the
/// terminal closed), may carry one exit status that comes out after every byte queued before it (<see cref="PostExit"/>),
/// and is dropped at once by <see cref="Abort"/>.
/// </summary>
internal sealed class PtyOutputQueue
{
    public const int SegmentSize = 64 * 1024;

    /// <summary>Bytes read back to back before a waiting consumer is woken (see <see cref="Commit"/>).</summary>
    public const int WakeBatch = 16 * 1024;

    private readonly object _lock = new();
    private readonly byte[]?[] _segments;
    private readonly Action _producerWake;
    private long _written;
    private long _consumed;
    private int _reservedSegment = -1;
    private int _segmentsHeld;
    private bool _producerWaiting;
    private bool _consumerWaiting;
    private bool _completed;
    private bool _aborted;
    private bool _consumerDone;
    private bool _nudged;
    private long _exitAt = -1;
    private PtyExitStatus _exitStatus;

    /// <param name="capacity">The most bytes held: the reader stops reading (and the program blocks on its full terminal)
    /// when the consumer is this far behind. Rounded up to whole segments.</param>
    /// <param name="producerWake">Called (from the consumer's thread) when a producer that found the queue full may read again.</param>
    public PtyOutputQueue(int capacity, Action producerWake)
    {
        var segments = Math.Max(1, (capacity + SegmentSize - 1) / SegmentSize);
        _segments = new byte[]?[segments];
        _producerWake = producerWake;
    }

    public int Capacity => _segments.Length * SegmentSize;

    /// <summary>The consumer sleeps in <see cref="Take"/>, waiting to be woken.</summary>
    internal bool ConsumerWaiting
    {
        get
        {
            lock (_lock)
                return _consumerWaiting;
        }
    }

    /// <summary>Bytes queued and not yet taken.</summary>
    public long Length
    {
        get
        {
            lock (_lock)
                return _written - _consumed;
        }
    }

    /// <summary>
    /// Producer: whether to read now. False when the queue is full, and from then on until the consumer has freed half of
    /// it and called the producer's wake-up (so the producer reads long runs, not one read per freed chunk).
    /// </summary>
    public bool HasRoom()
    {
        lock (_lock)
        {
            if (!_producerWaiting && _written - _consumed < Capacity)
                return true;
            _producerWaiting = !_aborted;
            return false;
        }
    }

    /// <summary>
    /// Producer: the free space to read into next (never empty unless the queue is full; then the consumer wakes the
    /// producer through its callback once half the queue is free). Follow with <see cref="Commit"/>, even of 0 bytes.
    /// </summary>
    public Span<byte> Reserve()
    {
        lock (_lock)
        {
            var free = Capacity - (_written - _consumed);
            if (free <= 0 || _aborted || _producerWaiting)
            {
                _producerWaiting = !_aborted;
                return default;
            }
            if (_written == _consumed && _segmentsHeld > 1)
                ReturnIdleSegments();
            var index = (int)(_written / SegmentSize % _segments.Length);
            var offset = (int)(_written % SegmentSize);
            if (_segments[index] is null)
            {
                _segments[index] = ArrayPool<byte>.Shared.Rent(SegmentSize);
                _segmentsHeld++;
            }
            var segment = _segments[index]!;
            _reservedSegment = index;
            return segment.AsSpan(offset, (int)Math.Min(SegmentSize - offset, free));
        }
    }

    /// <summary>
    /// Producer: <paramref name="count"/> bytes of the reserved space were filled. With <paramref name="moreComing"/> the
    /// producer reads again at once (the terminal had more): a waiting consumer is woken only once
    /// <see cref="WakeBatch"/> bytes are waiting, or by <see cref="Flush"/> when the producer stops reading, so a flood costs
    /// a wake-up per batch instead of one per read of the kernel's 4 KiB buffer.
    /// </summary>
    public void Commit(int count, bool moreComing = false)
    {
        lock (_lock)
        {
            _reservedSegment = -1;
            _written += count;
            if (count > 0 && (!moreComing || _written - _consumed >= WakeBatch))
                WakeConsumer();
        }
    }

    /// <summary>Producer: it stops reading for now; a waiting consumer gets what is queued.</summary>
    public void Flush()
    {
        lock (_lock)
        {
            if (_written > _consumed)
                WakeConsumer();
        }
    }

    /// <summary>Producer: nothing more will be queued.</summary>
    public void Complete()
    {
        lock (_lock)
        {
            _completed = true;
            WakeConsumer();
        }
    }

    /// <summary>
    /// Producer: the program exited; the consumer learns it once it has taken every byte queued until now. False when
    /// the consumer is done already (the output ended before the program did, or the queue was aborted): then nobody will
    /// take it, and the caller reports the exit itself.
    /// </summary>
    public bool PostExit(PtyExitStatus status)
    {
        lock (_lock)
        {
            if (_consumerDone)
                return false;
            if (_exitAt < 0)
            {
                _exitAt = _written;
                _exitStatus = status;
                WakeConsumer();
            }
            return true;
        }
    }

    /// <summary>Drops what is queued and ends the consumer's wait: nobody wants the output any more.</summary>
    public void Abort()
    {
        lock (_lock)
        {
            _aborted = true;
            Monitor.PulseAll(_lock);
        }
    }

    /// <summary>Makes a waiting (or the next) <see cref="Take"/> return at once with nothing, so the consumer can look at its own state.</summary>
    public void Nudge()
    {
        lock (_lock)
        {
            _nudged = true;
            Monitor.PulseAll(_lock);
        }
    }

    /// <summary>
    /// Consumer: waits for the next bytes (as many as lie contiguously in one segment) or news (nothing, after a <see cref="Nudge"/>). Returns false once the queue
    /// is complete and empty, or aborted. <paramref name="exit"/> is set (once) when the exit was posted and every byte before
    /// it has been taken: the caller reports it before taking more.
    /// </summary>
    public bool Take(out ReadOnlySpan<byte> chunk, out PtyExitStatus? exit)
    {
        chunk = default;
        exit = null;
        lock (_lock)
        {
            while (true)
            {
                if (_aborted)
                    return Done();
                if (_nudged)
                {
                    _nudged = false;
                    return true;
                }
                if (_exitAt >= 0 && _consumed >= _exitAt)
                {
                    exit = _exitStatus;
                    _exitAt = long.MaxValue; // reported
                    return true;
                }
                if (_written > _consumed)
                {
                    // Up to the exit, when one is pending: the bytes after it come out after it.
                    var end = _exitAt > _consumed ? Math.Min(_exitAt, _written) : _written;
                    var index = (int)(_consumed / SegmentSize % _segments.Length);
                    var offset = (int)(_consumed % SegmentSize);
                    chunk = _segments[index].AsSpan(offset, (int)Math.Min(SegmentSize - offset, end - _consumed));
                    return true;
                }
                if (_completed)
                    return Done();
                _consumerWaiting = true;
                Monitor.Wait(_lock);
                _consumerWaiting = false;
            }
        }
    }

    /// <summary>Consumer: the chunk <see cref="Take"/> gave was used; its space may be read into again.</summary>
    public void Release(int count)
    {
        bool wakeProducer;
        lock (_lock)
        {
            _consumed += count;
            var queued = _written - _consumed;
            // Half free before the producer reads again: it then reads a long run instead of one read per freed chunk.
            wakeProducer = _producerWaiting && queued <= Capacity / 2;
            if (wakeProducer)
                _producerWaiting = false;
        }
        if (wakeProducer)
            _producerWake();
    }

    /// <summary>
    /// The queue is empty: every segment but the one the next read goes to goes back to the pool. Done by the producer,
    /// which also rents them, so a flood cycles segments through its own thread's cache of the pool (and the consumer's
    /// thread never touches the pool: it allocates nothing at all).
    /// </summary>
    private void ReturnIdleSegments()
    {
        var next = (int)(_written / SegmentSize % _segments.Length);
        for (var i = 0; i < _segments.Length; i++)
        {
            if (i == next || _segments[i] is not { } segment)
                continue;
            _segments[i] = null;
            _segmentsHeld--;
            ArrayPool<byte>.Shared.Return(segment);
        }
    }

    /// <summary>Gives every segment back (the queue is not used any more).</summary>
    public void ReturnSegments()
    {
        lock (_lock)
        {
            for (var i = 0; i < _segments.Length; i++)
            {
                if (i != _reservedSegment && _segments[i] is { } segment)
                    ArrayPool<byte>.Shared.Return(segment);
                _segments[i] = null;
            }

            _segmentsHeld = 0;
        }
    }

    private bool Done()
    {
        _consumerDone = true;
        return false;
    }

    private void WakeConsumer()
    {
        if (_consumerWaiting)
            Monitor.Pulse(_lock);
    }
}

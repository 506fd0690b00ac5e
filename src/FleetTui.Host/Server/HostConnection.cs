using System.Collections.Concurrent;
using System.Threading.Channels;
using FleetTui.Host.Protocol;
using FleetTui.Host.Protocol.Screens;

namespace FleetTui.Host.Server;

/// <summary>
/// One client of the host. A reader loop takes its messages (input, views, requests) and a writer loop sends it what
/// changed: replies in order, then the latest config, snapshot and merge activity, then screen updates of the panes it
/// shows, at most one frame per <see cref="FrameInterval"/>. Nothing is queued per change: dirty flags say what to send,
/// and each send reads the current state, so a client that stalls (a congested link, SIGSTOP) costs the host nothing
/// while it stalls and gets the latest state, never a backlog, when it resumes. Only its own writer waits on it.
/// </summary>
internal sealed class HostConnection
{
    /// <summary>The most replies and progress lines a client may leave unread before it is dropped (it stopped reading).</summary>
    private const int OutboxLimit = 4096;

    /// <summary>Requests a client may have in flight; more is a client gone wrong.</summary>
    private const int MaxRequestsInFlight = 256;

    private static int _nextId;

    private readonly FleetHost _host;
    private readonly Stream _stream;
    private readonly FrameReader _reader;
    private readonly FrameWriter _writer;
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly ConcurrentQueue<HostMessage> _outbox = new();
    private readonly Dictionary<string, PaneUpdateEncoder> _encoders = new(StringComparer.Ordinal);
    private readonly WireWriter _frame = new(64 * 1024);
    private readonly CancellationTokenSource _closing = new();
    private readonly ITimer _frameTimer;
    private int _outboxCount;
    private int _requestsInFlight;
    private int _configDirty = 1;
    private int _snapshotDirty = 1;
    private int _activityDirty = 1;
    private int _screensDirty = 1;
    private long _nextFrameAt;
    private string? _closingReason;

    public HostConnection(FleetHost host, Stream stream, string peer, TimeSpan frameInterval)
    {
        _host = host;
        _stream = stream;
        Peer = peer;
        FrameInterval = frameInterval;
        _reader = new FrameReader(stream, maxFrameBytes: 8 * 1024 * 1024);
        _writer = new FrameWriter(stream);
        _frameTimer = TimeProvider.System.CreateTimer(_ => _wake.Writer.TryWrite(true), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    public int Id { get; } = Interlocked.Increment(ref _nextId);

    public string Peer { get; }

    public TimeSpan FrameInterval { get; }

    public ClientKind Kind { get; private set; }

    public bool ReadOnly { get; private set; }

    public ClientColors? Colors { get; private set; }

    /// <summary>When this client's user last did something (a key, a click, a layout change): the latest active sizes panes.</summary>
    public long LastActive { get; set; }

    /// <summary>The panes this client shows (empty until its first view; always empty for a CLI).</summary>
    public IReadOnlyList<PaneViewSpec> View { get; private set; } = [];

    public string? Focused { get; private set; }

    public bool HasView { get; private set; }

    /// <summary>It said hello in this host's protocol (a connection that never does is only a probe).</summary>
    public bool Greeted { get; private set; }

    public override string ToString() => $"client {Id} ({Kind}{(ReadOnly ? ", read-only" : "")}, {Peer})";

    /// <summary>
    /// How long after this client's last key its frames skip the pacing: the echo of what the user types goes out as soon
    /// as it is there, not at the next frame slot.
    /// </summary>
    private static readonly TimeSpan EchoWindow = TimeSpan.FromMilliseconds(250);

    private long _echoUntil;

    /// <summary>The user of this client typed: what the program answers goes out unpaced for a moment.</summary>
    public void InputArrived() =>
        Volatile.Write(ref _echoUntil, TimeProvider.System.GetTimestamp() + (long)(EchoWindow.TotalSeconds * TimeProvider.System.TimestampFrequency));

    public void ConfigChanged() => Mark(ref _configDirty);

    public void SnapshotChanged() => Mark(ref _snapshotDirty);

    public void ActivityChanged() => Mark(ref _activityDirty);

    public void ScreensChanged()
    {
        if (Kind == ClientKind.Cockpit)
            Mark(ref _screensDirty);
    }

    /// <summary>Queues a reply or progress line (never dropped: a client that leaves too many unread is disconnected).</summary>
    public void Send(HostMessage message)
    {
        if (Interlocked.Increment(ref _outboxCount) > OutboxLimit)
        {
            Close("it left too many replies unread");
            return;
        }
        _outbox.Enqueue(message);
        _wake.Writer.TryWrite(true);
    }

    /// <summary>Ends the connection after telling the client why.</summary>
    public void Close(string reason)
    {
        if (Interlocked.CompareExchange(ref _closingReason, reason, null) is null)
            _host.Log.Write($"{this}: closing: {reason}");
        _closing.Cancel();
    }

    private void Mark(ref int flag)
    {
        if (Interlocked.Exchange(ref flag, 1) == 0)
            _wake.Writer.TryWrite(true);
    }

    private readonly TaskCompletionSource _finished = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once the connection is closed and the host forgot it.</summary>
    public Task Finished => _finished.Task;

    /// <summary>Serves the client until it leaves, breaks the protocol or the host stops.</summary>
    public async Task RunAsync(CancellationToken hostStopping)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(hostStopping, _closing.Token);
        Task? writer = null;
        try
        {
            if (!await HandshakeAsync(linked.Token).ConfigureAwait(false))
                return;
            writer = Task.Run(() => WriteLoopAsync(linked.Token), CancellationToken.None);
            await ReadLoopAsync(linked.Token).ConfigureAwait(false);
        }
        catch (ProtocolException error)
        {
            _host.Log.Write($"{this}: closed, it broke the protocol: {error.Message}");
            Close($"protocol error: {error.Message}");
        }
        catch (Exception error) when (error is IOException or EndOfStreamException or OperationCanceledException or ObjectDisposedException
                                          or System.Net.Sockets.SocketException)
        {
            if (error is not (OperationCanceledException or EndOfStreamException))
                _host.Log.Write($"{this}: closed: {error.GetType().Name}: {error.Message}");
        }
        finally
        {
            _closing.Cancel();
            if (writer is not null)
                await writer.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            await SayGoodbyeAsync().ConfigureAwait(false);
            _frameTimer.Dispose();
            await _stream.DisposeAsync().ConfigureAwait(false);
            _host.OnDisconnected(this);
            _finished.TrySetResult();
        }
    }

    private async Task<bool> HandshakeAsync(CancellationToken cancellationToken)
    {
        if (await _reader.ReadAsync(cancellationToken).ConfigureAwait(false) is not { } first)
            return false;
        if (first.Kind != FrameKind.Control)
            throw new ProtocolException("the first message must be hello");
        var version = ProtocolJson.PeekVersion(first.Payload.Span);
        if (version is { } other && other != ProtocolVersion.Current)
        {
            await WriteAsync(new HostMessage.Refused(ProtocolVersion.Current,
                $"the running fleet host speaks protocol {ProtocolVersion.Current} and this client {other}: run the fleet that started the host, " +
                "or stop the host with it (`fleet host stop`) and start it again with this one"), cancellationToken).ConfigureAwait(false);
            _host.Log.Write($"{this}: refused, protocol {other} (the host's is {ProtocolVersion.Current})");
            return false;
        }
        if (ProtocolJson.ReadClientMessage(first.Payload.Span) is not ClientMessage.Hello hello)
            throw new ProtocolException("the first message must be hello");
        Kind = hello.Kind;
        ReadOnly = hello.ReadOnly;
        Colors = hello.Colors;
        Greeted = true;
        await WriteAsync(_host.Welcome(), cancellationToken).ConfigureAwait(false);
        _host.OnHello(this);
        return true;
    }

    private async Task ReadLoopAsync(CancellationToken cancellationToken)
    {
        while (await _reader.ReadAsync(cancellationToken).ConfigureAwait(false) is { } frame)
        {
            if (frame.Kind != FrameKind.Control)
                throw new ProtocolException("a client sends control messages only");
            switch (ProtocolJson.ReadClientMessage(frame.Payload.Span))
            {
                case ClientMessage.Hello:
                    throw new ProtocolException("hello twice");
                case ClientMessage.View view:
                    View = view.Panes;
                    Focused = view.Focused;
                    HasView = true;
                    Volatile.Write(ref _screensDirty, 1);
                    _wake.Writer.TryWrite(true); // even when already dirty: until now there was no view to send
                    _host.OnView(this);
                    break;
                case ClientMessage.Detach:
                    return;
                case ClientMessage.Request request:
                    Accept(request);
                    break;
                case var input:
                    try
                    {
                        _host.OnInput(this, input);
                    }
                    catch (Exception error) when (error is IOException or ObjectDisposedException or InvalidOperationException)
                    {
                        // A key for an agent that just exited or was destroyed: lost, as it would be in any terminal. It must
                        // not end this client's connection (it did: the cockpit lost every pane after a key to a dead one).
                        _host.Log.Write($"{this}: input for a pane was dropped: {error.GetType().Name}: {error.Message}");
                    }
                    break;
            }
        }
    }

    private void Accept(ClientMessage.Request request)
    {
        if (Interlocked.Increment(ref _requestsInFlight) > MaxRequestsInFlight)
            throw new ProtocolException($"more than {MaxRequestsInFlight} requests in flight");
        _ = Task.Run(async () =>
        {
            try
            {
                Send(await _host.HandleAsync(this, request.Id, request.Body).ConfigureAwait(false));
            }
            finally
            {
                Interlocked.Decrement(ref _requestsInFlight);
            }
        });
    }

    private async Task WriteLoopAsync(CancellationToken cancellationToken)
    {
        // Everything is dirty at first: the new client gets the config, the snapshot and the activity at once.
        _wake.Writer.TryWrite(true);
        try
        {
            while (await _wake.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                _wake.Reader.TryRead(out _);
                await FlushAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception error) when (error is IOException or OperationCanceledException or ObjectDisposedException or System.Net.Sockets.SocketException)
        {
            _closing.Cancel(); // a client we cannot write to is gone: end the reader too
        }
        catch (Exception error)
        {
            // A bug of ours must not leave a client waiting forever on a connection nobody writes to.
            _host.Log.Write($"{this}: closed, writing to it failed: {error}");
            Close($"the fleet host failed: {error.Message}");
        }
    }

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        while (_outbox.TryDequeue(out var message))
        {
            Interlocked.Decrement(ref _outboxCount);
            await WriteAsync(message, cancellationToken).ConfigureAwait(false);
        }
        if (Interlocked.Exchange(ref _configDirty, 0) == 1)
            await WriteAsync(new HostMessage.Config(_host.Runtime.Snapshot.Config), cancellationToken).ConfigureAwait(false);
        if (Interlocked.Exchange(ref _snapshotDirty, 0) == 1)
            await WriteAsync(new HostMessage.Snapshot(SnapshotBody.From(_host.Runtime.Snapshot)), cancellationToken).ConfigureAwait(false);
        if (Interlocked.Exchange(ref _activityDirty, 0) == 1)
            await WriteAsync(new HostMessage.Activity(_host.Runtime.Merges.Activity), cancellationToken).ConfigureAwait(false);
        if (Kind == ClientKind.Cockpit && HasView && Volatile.Read(ref _screensDirty) == 1)
            await SendScreensAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// One frame of every shown pane's changes, paced: a flood costs one frame per interval, not one per chunk. Right after
    /// a key (<see cref="EchoWindow"/>) the focused pane's changes go out at once, alone, and the other panes keep their
    /// frame slot: the echo travels in a frame of its own pane, not in one of eight flooding panes to encode, send, apply
    /// and draw before it shows.
    /// </summary>
    private async Task SendScreensAsync(CancellationToken cancellationToken)
    {
        var now = TimeProvider.System.GetTimestamp();
        var wait = _nextFrameAt - now;
        var echoOnly = wait > 0 && now < Volatile.Read(ref _echoUntil) ? Focused : null;
        if (wait > 0)
        {
            FleetTui.Terminal.Diagnostics.EchoTrace.Mark("host.wait", wait * 1000 / TimeProvider.System.TimestampFrequency);
            _frameTimer.Change(TimeSpan.FromTicks(wait * TimeSpan.TicksPerSecond / TimeProvider.System.TimestampFrequency) + TimeSpan.FromMilliseconds(1),
                Timeout.InfiniteTimeSpan);
            if (echoOnly is null)
                return;
        }
        else
        {
            Interlocked.Exchange(ref _screensDirty, 0);
        }
        _frame.Clear();
        var countAt = _frame.Length;
        _frame.U16(0);
        var count = 0;
        var held = false;
        foreach (var pane in View)
        {
            if (echoOnly is not null && !string.Equals(pane.Task, echoOnly, StringComparison.Ordinal))
                continue;
            if (!_encoders.TryGetValue(pane.Task, out var encoder))
                _encoders[pane.Task] = encoder = new PaneUpdateEncoder();
            if (encoder.Encode(pane.Task, _host.Runtime.TerminalFor(pane.Task), pane.ScrollOffset, _frame))
                count++;
            held |= encoder.Held;
        }
        if (held && echoOnly is null)
        {
            // A program in the middle of a synchronized update: look again shortly (it ends, or times out).
            Interlocked.Exchange(ref _screensDirty, 1);
            _frameTimer.Change(TimeSpan.FromMilliseconds(20), Timeout.InfiniteTimeSpan);
        }
        if (count == 0)
            return;
        _frame.PatchU16(countAt, count);
        if (echoOnly is null)
            _nextFrameAt = now + (long)(FrameInterval.TotalSeconds * TimeProvider.System.TimestampFrequency);
        await _writer.WriteAsync(FrameKind.Screens, _frame.Written, cancellationToken).ConfigureAwait(false);
        FleetTui.Terminal.Diagnostics.EchoTrace.Mark(echoOnly is null ? "host.sent" : "host.echo", count);
    }

    private ValueTask WriteAsync(HostMessage message, CancellationToken cancellationToken) =>
        _writer.WriteAsync(FrameKind.Control, ProtocolJson.Serialize(message), cancellationToken);

    private async Task SayGoodbyeAsync()
    {
        if (Volatile.Read(ref _closingReason) is not { } reason)
            return;
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(1));
            await WriteAsync(new HostMessage.Closing(reason), timeout.Token).ConfigureAwait(false);
        }
        catch (Exception error) when (error is IOException or OperationCanceledException or ObjectDisposedException or System.Net.Sockets.SocketException)
        {
        }
    }
}

using System.Collections.Concurrent;
using System.Threading.Channels;
using FleetTui.Core.Config;
using FleetTui.Core.Session;
using FleetTui.Host.Merging;
using FleetTui.Host.Protocol;
using FleetTui.Host.Protocol.Screens;

namespace FleetTui.Host.Client;

/// <summary>
/// A client's end of a connection to the fleet host: it sends messages through a queue (a caller never waits on the
/// connection: the UI thread posts and goes on) and a reader thread keeps the latest snapshot, merge activity and pane
/// mirrors, raising events on that thread. Requests are answered by id.
/// </summary>
public sealed class HostClient : IAsyncDisposable
{
    private readonly Stream _stream;
    private readonly FrameReader _reader;
    private readonly FrameWriter _writer;
    private readonly Channel<ClientMessage> _outbox = Channel.CreateUnbounded<ClientMessage>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<long, PendingRequest> _pending = new();
    private readonly ConcurrentDictionary<string, PaneMirror> _mirrors = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<string> _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stopping = new();
    private FleetConfig? _config;
    private SnapshotBody? _body;
    private SessionSnapshot? _snapshot;
    private MergeActivity _activity = MergeActivity.Idle;
    private long _nextId;
    private Task _readLoop = Task.CompletedTask;
    private Task _writeLoop = Task.CompletedTask;

    private HostClient(Stream stream, HostMessage.Welcome welcome, FrameReader reader)
    {
        _stream = stream;
        _reader = reader;
        _writer = new FrameWriter(stream);
        Welcome = welcome;
    }

    public HostMessage.Welcome Welcome { get; }

    /// <summary>
    /// Says hello over <paramref name="stream"/> and waits for the host's answer, then for its first config and snapshot.
    /// </summary>
    /// <exception cref="HostRefusedException">Another protocol version, or the host is stopping.</exception>
    public static async Task<HostClient> ConnectAsync(Stream stream, ClientMessage.Hello hello, CancellationToken cancellationToken = default)
    {
        var writer = new FrameWriter(stream);
        var reader = new FrameReader(stream, maxFrameBytes: 64 * 1024 * 1024);
        await writer.WriteAsync(FrameKind.Control, ProtocolJson.Serialize(hello), cancellationToken).ConfigureAwait(false);
        var first = await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
            ?? throw new HostRefusedException("the fleet host closed the connection without answering");
        if (first.Kind != FrameKind.Control)
            throw new HostRefusedException("the fleet host answered with something other than a welcome");
        var version = ProtocolJson.PeekVersion(first.Payload.Span);
        HostMessage answer;
        try
        {
            answer = ProtocolJson.ReadHostMessage(first.Payload.Span);
        }
        catch (ProtocolException) when (version is { } other && other != ProtocolVersion.Current)
        {
            throw new HostRefusedException(VersionMismatch(other));
        }
        switch (answer)
        {
            case HostMessage.Refused refused:
                throw new HostRefusedException(refused.Version != ProtocolVersion.Current ? VersionMismatch(refused.Version) : refused.Reason);
            case HostMessage.Welcome { Version: not ProtocolVersion.Current } welcome:
                throw new HostRefusedException(VersionMismatch(welcome.Version));
            case HostMessage.Welcome welcome:
                var client = new HostClient(stream, welcome, reader);
                client.Start();
                await client._ready.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
                return client;
            default:
                throw new HostRefusedException($"the fleet host answered {answer.GetType().Name} instead of a welcome");
        }
    }

    private static string VersionMismatch(int hostVersion) =>
        $"the running fleet host speaks protocol {hostVersion} and this fleet {ProtocolVersion.Current}: " +
        "stop it with the fleet that started it (`fleet host stop`), then run this fleet again";

    /// <summary>The latest snapshot (never null once connected).</summary>
    public SessionSnapshot Snapshot => Volatile.Read(ref _snapshot)!;

    public MergeActivity Activity => Volatile.Read(ref _activity);

    /// <summary>Raised on the reader thread after <see cref="Snapshot"/> changed.</summary>
    public event Action? SnapshotChanged;

    public event Action? ActivityChanged;

    /// <summary>Raised on the reader thread when a task's mirror appeared (first screen) or went away (the task lost its terminal).</summary>
    public event Action<string>? MirrorsChanged;

    /// <summary>Completes with the reason once the connection ended (the host stopped, the link dropped, or we disposed it).</summary>
    public Task<string> Closed => _closed.Task;

    public PaneMirror? MirrorFor(string task) => _mirrors.GetValueOrDefault(task);

    /// <summary>Queues a message for the host; never waits.</summary>
    public void Post(ClientMessage message) => _outbox.Writer.TryWrite(message);

    /// <summary>Sends a request and completes with its reply; <paramref name="onProgress"/> gets progress lines (on the reader thread).</summary>
    /// <exception cref="HostConnectionLostException">The connection ended before the answer.</exception>
    public async Task<HostMessage.Reply> RequestAsync(HostRequest request, Action<string>? onProgress = null, CancellationToken cancellationToken = default)
    {
        var id = Interlocked.Increment(ref _nextId);
        var pending = new PendingRequest(onProgress);
        _pending[id] = pending;
        if (_closed.Task.IsCompleted)
            pending.Reply.TrySetException(new HostConnectionLostException($"the connection to the fleet host is closed: {_closed.Task.Result}"));
        Post(new ClientMessage.Request(id, request));
        try
        {
            return await pending.Reply.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _pending.TryRemove(id, out _);
        }
    }

    private void Start()
    {
        _readLoop = Task.Run(ReadLoopAsync);
        _writeLoop = Task.Run(WriteLoopAsync);
    }

    private async Task ReadLoopAsync()
    {
        var reason = "the fleet host closed the connection";
        try
        {
            while (await _reader.ReadAsync(_stopping.Token).ConfigureAwait(false) is { } frame)
            {
                if (frame.Kind == FrameKind.Screens)
                {
                    ApplyScreens(frame.Payload.Span);
                    continue;
                }
                var message = ProtocolJson.ReadHostMessage(frame.Payload.Span);
                if (message is HostMessage.Closing closing)
                {
                    reason = closing.Reason;
                    break;
                }
                Handle(message);
            }
        }
        catch (ProtocolException error)
        {
            reason = $"the fleet host broke the protocol: {error.Message}";
        }
        catch (Exception error) when (error is IOException or EndOfStreamException or ObjectDisposedException or OperationCanceledException
                                          or System.Net.Sockets.SocketException)
        {
            reason = _stopping.IsCancellationRequested ? "disconnected" : $"the connection to the fleet host was lost ({error.Message})";
        }
        Close(reason);
    }

    private void Handle(HostMessage message)
    {
        switch (message)
        {
            case HostMessage.Config config:
                Volatile.Write(ref _config, config.Fleet);
                PublishSnapshot();
                break;
            case HostMessage.Snapshot snapshot:
                _body = snapshot.Body;
                PublishSnapshot();
                break;
            case HostMessage.Activity activity:
                Volatile.Write(ref _activity, activity.Merges);
                ActivityChanged?.Invoke();
                break;
            case HostMessage.Reply reply:
                if (_pending.TryGetValue(reply.Id, out var pending))
                    pending.Reply.TrySetResult(reply);
                break;
            case HostMessage.Progress progress:
                if (_pending.TryGetValue(progress.Id, out var running))
                    running.OnProgress?.Invoke(progress.Message);
                break;
        }
    }

    private void PublishSnapshot()
    {
        if (_config is not { } config || _body is not { } body)
            return;
        Volatile.Write(ref _snapshot, body.ToSnapshot(config));
        _ready.TrySetResult();
        SnapshotChanged?.Invoke();
    }

    private void ApplyScreens(ReadOnlySpan<byte> frame)
    {
        var appeared = new List<string>();
        var changed = ScreenFrameReader.Apply(frame, (task, create) =>
        {
            if (_mirrors.TryGetValue(task, out var mirror))
                return mirror;
            if (!create)
                return null;
            appeared.Add(task);
            return _mirrors[task] = new PaneMirror(task);
        });
        foreach (var mirror in changed)
        {
            if (mirror.IsGone)
            {
                _mirrors.TryRemove(mirror.Task, out _);
                appeared.Add(mirror.Task);
            }
            mirror.SignalChange();
        }
        foreach (var task in appeared)
            MirrorsChanged?.Invoke(task);
    }

    private async Task WriteLoopAsync()
    {
        try
        {
            await foreach (var message in _outbox.Reader.ReadAllAsync(_stopping.Token).ConfigureAwait(false))
            {
                await _writer.WriteAsync(FrameKind.Control, ProtocolJson.Serialize(message), _stopping.Token).ConfigureAwait(false);
                if (message is ClientMessage.Detach)
                    break;
            }
        }
        catch (Exception error) when (error is IOException or ObjectDisposedException or OperationCanceledException or System.Net.Sockets.SocketException)
        {
            Close($"the connection to the fleet host was lost ({error.Message})");
        }
    }

    private void Close(string reason)
    {
        if (!_closed.TrySetResult(reason))
            return;
        _ready.TrySetException(new HostRefusedException(reason));
        foreach (var pending in _pending.Values)
            pending.Reply.TrySetException(new HostConnectionLostException(reason));
        _outbox.Writer.TryComplete();
    }

    /// <summary>Leaves the host (the agents keep running) and closes the connection.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_closed.Task.IsCompleted)
        {
            Post(new ClientMessage.Detach());
            _outbox.Writer.TryComplete();
            // The detach is written before the stream closes (bounded: a stuck host does not hold us).
            await _writeLoop.WaitAsync(TimeSpan.FromSeconds(1)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
        _stopping.Cancel();
        await _stream.DisposeAsync().ConfigureAwait(false);
        await _readLoop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        Close("disconnected");
        _stopping.Dispose();
    }

    private sealed record PendingRequest(Action<string>? OnProgress)
    {
        public TaskCompletionSource<HostMessage.Reply> Reply { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}

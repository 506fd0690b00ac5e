using System.Threading.Channels;

namespace FleetTui.Core.Session;

/// <summary>
/// One subscriber's queue of <see cref="SessionEvent"/>s (unbounded: the writer never waits on a slow view). Read with
/// <c>Events.ReadAllAsync()</c> on any thread; the TUI marshals to its own. Dispose to unsubscribe.
/// </summary>
public sealed class SessionSubscription : IDisposable
{
    private readonly Channel<SessionEvent> _channel = Channel.CreateUnbounded<SessionEvent>(new UnboundedChannelOptions { SingleWriter = true });
    private readonly Action<SessionSubscription> _unsubscribe;

    internal SessionSubscription(Action<SessionSubscription> unsubscribe) => _unsubscribe = unsubscribe;

    public ChannelReader<SessionEvent> Events => _channel.Reader;

    internal void Publish(SessionEvent sessionEvent) => _channel.Writer.TryWrite(sessionEvent);

    internal void Complete() => _channel.Writer.TryComplete();

    public void Dispose()
    {
        _unsubscribe(this);
        Complete();
    }
}

using System.Buffers.Binary;

namespace FleetTui.Host.Protocol;

/// <summary>Writes length-prefixed frames (see <see cref="FrameReader"/>). One writer per stream: callers serialize their writes.</summary>
public sealed class FrameWriter(Stream stream)
{
    private byte[] _buffer = new byte[4096];

    public async ValueTask WriteAsync(FrameKind kind, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
    {
        var total = 5 + payload.Length;
        if (_buffer.Length < total)
            _buffer = new byte[Math.Max(total, _buffer.Length * 2)];
        BinaryPrimitives.WriteUInt32BigEndian(_buffer, (uint)(payload.Length + 1));
        _buffer[4] = (byte)kind;
        payload.Span.CopyTo(_buffer.AsSpan(5));
        // One write per frame: a frame never interleaves with another, and a small one leaves in one segment.
        await stream.WriteAsync(_buffer.AsMemory(0, total), cancellationToken).ConfigureAwait(false);
        await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
    }
}

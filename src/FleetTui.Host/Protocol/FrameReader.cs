using System.Buffers.Binary;

namespace FleetTui.Host.Protocol;

/// <summary>
/// Reads length-prefixed frames: a 4-byte big-endian length (of what follows), a kind byte, the payload. A frame longer
/// than <see cref="MaxFrameBytes"/> or of an unknown kind is a <see cref="ProtocolException"/>: a peer that sends one is
/// broken or hostile, and its connection is closed before anything is allocated for it.
/// </summary>
public sealed class FrameReader(Stream stream, int maxFrameBytes)
{
    private readonly byte[] _header = new byte[5];
    private byte[] _buffer = new byte[4096];

    public int MaxFrameBytes => maxFrameBytes;

    /// <summary>The next frame, or null at a clean end of stream (between frames).</summary>
    public async ValueTask<Frame?> ReadAsync(CancellationToken cancellationToken)
    {
        if (!await FillAsync(_header, allowEnd: true, cancellationToken).ConfigureAwait(false))
            return null;
        var length = BinaryPrimitives.ReadUInt32BigEndian(_header);
        if (length < 1 || length > (uint)maxFrameBytes)
            throw new ProtocolException($"frame of {length} bytes (the limit is {maxFrameBytes})");
        var kind = (FrameKind)_header[4];
        if (kind is not (FrameKind.Control or FrameKind.Screens))
            throw new ProtocolException($"unknown frame kind {(byte)kind}");
        var size = (int)length - 1;
        if (_buffer.Length < size)
            _buffer = new byte[Math.Max(size, _buffer.Length * 2)];
        await FillAsync(_buffer.AsMemory(0, size), allowEnd: false, cancellationToken).ConfigureAwait(false);
        return new Frame(kind, _buffer.AsMemory(0, size));
    }

    private async ValueTask<bool> FillAsync(Memory<byte> destination, bool allowEnd, CancellationToken cancellationToken)
    {
        var read = 0;
        while (read < destination.Length)
        {
            var n = await stream.ReadAsync(destination[read..], cancellationToken).ConfigureAwait(false);
            if (n == 0)
            {
                if (allowEnd && read == 0)
                    return false;
                throw new EndOfStreamException("the connection closed in the middle of a frame");
            }
            read += n;
        }
        return true;
    }
}

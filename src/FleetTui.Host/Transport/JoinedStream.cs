namespace FleetTui.Host.Transport;

/// <summary>
/// One duplex stream made of two one-way ones: what a child process offers (its stdout to read, its stdin to write),
/// e.g. <c>ssh -T box fleet host stdio</c> carrying the host protocol. Disposing closes both.
/// </summary>
public sealed class JoinedStream(Stream reading, Stream writing) : Stream
{
    public override bool CanRead => true;
    public override bool CanWrite => true;
    public override bool CanSeek => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => reading.Read(buffer, offset, count);

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => reading.ReadAsync(buffer, cancellationToken);

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        reading.ReadAsync(buffer, offset, count, cancellationToken);

    public override void Write(byte[] buffer, int offset, int count) => writing.Write(buffer, offset, count);

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) => writing.WriteAsync(buffer, cancellationToken);

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        writing.WriteAsync(buffer, offset, count, cancellationToken);

    public override void Flush() => writing.Flush();

    public override Task FlushAsync(CancellationToken cancellationToken) => writing.FlushAsync(cancellationToken);

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            writing.Dispose();
            reading.Dispose();
        }
        base.Dispose(disposing);
    }
}

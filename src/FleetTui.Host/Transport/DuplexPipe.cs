using System.IO.Pipelines;

namespace FleetTui.Host.Transport;

/// <summary>
/// Two connected in-memory streams, one per end (the host's and a client's): the same framing and the same backpressure
/// as a socket (a writer waits once 64 KB are unread), without one. Headless tests and the in-process cockpit use it.
/// </summary>
public static class DuplexPipe
{
    public static (Stream Host, Stream Client) Create()
    {
        var toHost = new Pipe();
        var toClient = new Pipe();
        return (new PipeStream(toHost.Reader, toClient.Writer), new PipeStream(toClient.Reader, toHost.Writer));
    }

    private sealed class PipeStream(PipeReader reader, PipeWriter writer) : Stream
    {
        private readonly Stream _in = reader.AsStream();
        private readonly Stream _out = writer.AsStream();

        public override bool CanRead => true;
        public override bool CanWrite => true;
        public override bool CanSeek => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => _in.Read(buffer, offset, count);

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            _in.ReadAsync(buffer, cancellationToken);

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            _in.ReadAsync(buffer, offset, count, cancellationToken);

        public override void Write(byte[] buffer, int offset, int count) => _out.Write(buffer, offset, count);

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) =>
            _out.WriteAsync(buffer, cancellationToken);

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            _out.WriteAsync(buffer, offset, count, cancellationToken);

        public override void Flush() => _out.Flush();

        public override Task FlushAsync(CancellationToken cancellationToken) => _out.FlushAsync(cancellationToken);

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                // Each end completes what it writes: the other end reads the end of the stream.
                writer.Complete();
                reader.Complete();
            }
            base.Dispose(disposing);
        }
    }
}

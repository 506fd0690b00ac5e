using System.Net;
using System.Net.Sockets;
using System.Text;

namespace FleetTui.RealAgents.Tests.Mocks;

/// <summary>
/// A small HTTP/1.1 server on loopback only, on a port the kernel picks (no race with other tests for a free port).
/// One request per connection (every response says <c>Connection: close</c>), so a streamed response simply ends
/// when the handler returns. Enough for the model APIs' JSON and server-sent events; nothing more.
/// </summary>
public sealed class MockHttpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Func<MockRequest, MockResponse, Task> _handle;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _accepting;

    public MockHttpServer(Func<MockRequest, MockResponse, Task> handle)
    {
        _handle = handle;
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _accepting = AcceptAsync();
    }

    public int Port { get; }

    public string BaseUrl => $"http://127.0.0.1:{Port}";

    private async Task AcceptAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stopping.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            _ = ServeAsync(client);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                client.NoDelay = true;
                var stream = client.GetStream();
                var request = await ReadRequestAsync(stream, _stopping.Token);
                if (request is null)
                    return;
                await _handle(request, new MockResponse(stream, _stopping.Token));
            }
            catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
                // The agent hung up (an interrupt cancels its request) or we are stopping.
            }
        }
    }

    private static async Task<MockRequest?> ReadRequestAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        var reader = new ByteReader(stream);
        var requestLine = await reader.ReadLineAsync(cancellationToken);
        if (string.IsNullOrEmpty(requestLine))
            return null;
        var parts = requestLine.Split(' ');
        var headers = new Dictionary<string, string>(StringComparer.Ordinal);
        while (await reader.ReadLineAsync(cancellationToken) is { Length: > 0 } line)
        {
            var colon = line.IndexOf(':');
            if (colon > 0)
                headers[line[..colon].Trim().ToLowerInvariant()] = line[(colon + 1)..].Trim();
        }

        byte[] body;
        if (headers.TryGetValue("content-length", out var length))
        {
            body = await reader.ReadBytesAsync(int.Parse(length, System.Globalization.CultureInfo.InvariantCulture), cancellationToken);
        }
        else if (headers.TryGetValue("transfer-encoding", out var encoding) && encoding.Contains("chunked", StringComparison.OrdinalIgnoreCase))
        {
            using var collected = new MemoryStream();
            while (true)
            {
                var size = Convert.ToInt32((await reader.ReadLineAsync(cancellationToken)).Split(';')[0].Trim(), 16);
                if (size == 0)
                {
                    while (await reader.ReadLineAsync(cancellationToken) is { Length: > 0 })
                    {
                    }
                    break;
                }
                collected.Write(await reader.ReadBytesAsync(size, cancellationToken));
                await reader.ReadLineAsync(cancellationToken);
            }
            body = collected.ToArray();
        }
        else
        {
            body = [];
        }

        return new MockRequest(parts[0], parts.Length > 1 ? parts[1] : "/", headers, Encoding.UTF8.GetString(body));
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Stop();
        await _accepting.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stopping.Dispose();
    }

    /// <summary>Buffered reads of CRLF lines and exact byte counts from a socket.</summary>
    private sealed class ByteReader(Stream stream)
    {
        private readonly byte[] _buffer = new byte[16 * 1024];
        private int _start;
        private int _end;

        public async Task<string> ReadLineAsync(CancellationToken cancellationToken)
        {
            var line = new MemoryStream();
            while (true)
            {
                if (_start == _end && !await FillAsync(cancellationToken))
                    return Encoding.ASCII.GetString(line.ToArray());
                var b = _buffer[_start++];
                if (b == '\n')
                    return Encoding.ASCII.GetString(line.ToArray()).TrimEnd('\r');
                line.WriteByte(b);
            }
        }

        public async Task<byte[]> ReadBytesAsync(int count, CancellationToken cancellationToken)
        {
            var result = new byte[count];
            var filled = 0;
            while (filled < count)
            {
                if (_start == _end && !await FillAsync(cancellationToken))
                    throw new IOException("connection closed inside a request body");
                var take = Math.Min(count - filled, _end - _start);
                Array.Copy(_buffer, _start, result, filled, take);
                _start += take;
                filled += take;
            }
            return result;
        }

        private async Task<bool> FillAsync(CancellationToken cancellationToken)
        {
            _start = 0;
            _end = await stream.ReadAsync(_buffer, cancellationToken);
            return _end > 0;
        }
    }
}

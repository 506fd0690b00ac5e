using System.Text;

namespace FleetTui.RealAgents.Tests.Mocks;

/// <summary>Writes one response: a whole JSON body, or server-sent events streamed one at a time (each flushed at once).</summary>
public sealed class MockResponse(Stream stream, CancellationToken stopping)
{
    public CancellationToken Stopping => stopping;

    public Task JsonAsync(int status, string json, IReadOnlyDictionary<string, string>? headers = null)
    {
        var body = Encoding.UTF8.GetBytes(json);
        return WriteAsync(Head(status, "application/json", headers) + $"Content-Length: {body.Length}\r\n\r\n", body);
    }

    public Task EmptyAsync(int status) => WriteAsync(Head(status, "text/plain", null) + "Content-Length: 0\r\n\r\n", []);

    /// <summary>Starts an event stream: the body ends when the connection closes.</summary>
    public Task StartEventsAsync() => WriteAsync(Head(200, "text/event-stream", new Dictionary<string, string> { ["Cache-Control"] = "no-cache" }) + "\r\n", []);

    public Task EventAsync(string name, string json) => WriteAsync($"event: {name}\ndata: {json}\n\n", []);

    private static string Head(int status, string contentType, IReadOnlyDictionary<string, string>? headers)
    {
        var head = new StringBuilder($"HTTP/1.1 {status} {Reason(status)}\r\nContent-Type: {contentType}\r\nConnection: close\r\n");
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
            head.Append(name).Append(": ").Append(value).Append("\r\n");
        return head.ToString();
    }

    private async Task WriteAsync(string text, byte[] body)
    {
        await stream.WriteAsync(Encoding.UTF8.GetBytes(text), stopping);
        if (body.Length > 0)
            await stream.WriteAsync(body, stopping);
        await stream.FlushAsync(stopping);
    }

    private static string Reason(int status) => status switch
    {
        200 => "OK",
        400 => "Bad Request",
        404 => "Not Found",
        429 => "Too Many Requests",
        529 => "Overloaded",
        _ => "Status",
    };
}

using System.Diagnostics;
using System.Net.Sockets;
using FleetTui.Core.Config;
using FleetTui.Core.Session;
using FleetTui.Core.Tests.Support;
using FleetTui.Host.Client;
using FleetTui.Host.Protocol;
using FleetTui.Host.Runtime;
using FleetTui.Host.Server;
using FleetTui.Terminal.Pty;

namespace FleetTui.Benchmarks.Host;

/// <summary>
/// <c>host-stream [SECONDS] [COLUMNS] [ROWS]</c>: what a cockpit receives from the fleet host while one pane floods — bytes
/// and frames a second over a real Unix socket, against the bound the design promises (frame rate × the pane's cells,
/// whatever the agent's output rate), and the agent's own output rate for scale.
/// </summary>
public static class HostStreamTimings
{
    public const string Verb = "host-stream";

    public static async Task RunAsync(string[] args)
    {
        var seconds = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 10;
        var columns = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 200;
        var rows = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 60;
        using var repo = await TempRepo.CreateAsync();
        var data = Path.Combine(repo.RootDir, "data.txt");
        var random = new Random(1);
        await File.WriteAllLinesAsync(data, Enumerable.Range(0, 200_000).Select(_ => Convert.ToBase64String(Enumerable.Range(0, 117).Select(_ => (byte)random.Next()).ToArray())));
        var toml = $"[fleet]\nbase = \"main\"\nagent = [\"sh\", \"-c\", \"while :; do cat {data}; done\"]\n\n[[task]]\nname = \"flood\"\n";
        await repo.CommitFileAsync("fleet.toml", toml, "fleet");
        var runtime = new FleetRuntime(new UnixPtyHost(), "/bin/sh");
        await runtime.OpenAsync(new FleetSessionOptions { RepositoryDirectory = repo.Path, Config = ConfigLoader.Parse(toml, Path.Combine(repo.Path, "fleet.toml")), Git = repo.Git },
            CancellationToken.None);
        var socketPath = Path.Combine(repo.RootDir, "host.sock");
        using var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        listener.Bind(new UnixDomainSocketEndPoint(socketPath));
        listener.Listen(4);
        await using var host = new FleetHost(runtime, new FleetHostOptions { SocketPath = socketPath });
        var serving = host.ListenAsync(listener);

        var counting = new CountingStream((await HostConnector.TryConnectAsync(socketPath))!);
        await using var client = await HostClient.ConnectAsync(counting, new ClientMessage.Hello(ProtocolVersion.Current, ClientKind.Cockpit));
        client.Post(new ClientMessage.View([new PaneViewSpec("flood", columns, rows)], "flood"));
        while (client.MirrorFor("flood") is not { } mirror || mirror.Version < 10)
            await Task.Delay(50);
        var pane = client.MirrorFor("flood")!;
        var agentOutput = 0L;
        runtime.TerminalFor("flood")!.Output += bytes => Interlocked.Add(ref agentOutput, bytes);

        var startBytes = counting.BytesRead;
        long startVersion;
        lock (pane.SyncRoot)
            startVersion = pane.Version;
        var clock = Stopwatch.StartNew();
        await Task.Delay(TimeSpan.FromSeconds(seconds));
        var elapsed = clock.Elapsed.TotalSeconds;
        long endVersion;
        lock (pane.SyncRoot)
            endVersion = pane.Version;
        var received = counting.BytesRead - startBytes;
        var cells = columns * rows;
        var frameRate = 60.0;
        Console.WriteLine($"one {columns}x{rows} pane flooding for {elapsed:F1} s over a Unix socket:");
        Console.WriteLine($"  agent output:        {Interlocked.Read(ref agentOutput) / elapsed / 1e6,8:F1} MB/s");
        Console.WriteLine($"  sent to the client:  {received / elapsed / 1e6,8:F2} MB/s in {(endVersion - startVersion) / elapsed:F1} frames/s");
        Console.WriteLine($"  bound (60 frames/s x {cells} cells x ~1 byte of ASCII text): {frameRate * cells / 1e6:F2} MB/s; " +
                          $"per frame sent: {received / Math.Max(1, endVersion - startVersion) / 1024.0:F1} KiB for {cells} cells");
        host.RequestStop("benchmark over");
        listener.Dispose();
        await serving;
    }

    private sealed class CountingStream(Stream inner) : Stream
    {
        private long _read;

        public long BytesRead => Interlocked.Read(ref _read);

        public override bool CanRead => true;
        public override bool CanWrite => true;
        public override bool CanSeek => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Count(await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false));

        public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) => inner.WriteAsync(buffer, cancellationToken);

        public override void Flush() => inner.Flush();

        public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
                inner.Dispose();
            base.Dispose(disposing);
        }

        private int Count(int n)
        {
            Interlocked.Add(ref _read, n);
            return n;
        }
    }
}

using System.Diagnostics;
using System.Text;
using BenchmarkDotNet.Attributes;
using FleetTui.Terminal.Pty;

namespace FleetTui.Benchmarks.Pty;

/// <summary>
/// Raw PTY read throughput: <c>cat</c> of a 20 MB text file through <see cref="UnixPtyHost"/>, the output counted and
/// dropped, against the same <c>cat</c> through a plain pipe. MB/s = 20 / mean seconds. "Cooked" leaves the terminal
/// as programs get it (the line discipline turns LF into CR LF, so 20.5 MB arrive); "Raw" runs <c>stty raw</c> first.
/// Run: <c>dotnet run -c Release --project tests/FleetTui.Benchmarks -- --filter '*PtyThroughput*'</c>.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 8)]
public class PtyThroughputBenchmarks
{
    private const int FileSize = 20 * 1024 * 1024;

    private readonly UnixPtyHost _host = new();
    private string _file = "";
    private long _received;

    [GlobalSetup]
    public void CreateFile()
    {
        _file = Path.Combine(Path.GetTempPath(), $"fleet-pty-bench-{Environment.ProcessId}.txt");
        byte[] line = Encoding.ASCII.GetBytes("The quick brown fox jumps over the lazy dog; 0123456789 ABCDEFGHIJKLMNOPQRSTUVWXYZ.\n");
        using var stream = File.Create(_file);
        for (int written = 0; written < FileSize; written += line.Length)
        {
            stream.Write(line, 0, Math.Min(line.Length, FileSize - written));
        }
    }

    [GlobalCleanup]
    public void DeleteFile() => File.Delete(_file);

    [Benchmark(Description = "cat 20 MB through our PTY (cooked)")]
    public long CatThroughPtyCooked() => Run(new PtySpawnOptions("cat", _file));

    [Benchmark(Description = "cat 20 MB through our PTY (stty raw)")]
    public long CatThroughPtyRaw() => Run(new PtySpawnOptions("sh", "-c", "stty raw -echo && exec cat \"$1\"", "sh", _file));

    [Benchmark(Baseline = true, Description = "cat 20 MB through a pipe (Process)")]
    public long CatThroughPipe()
    {
        var start = new ProcessStartInfo("cat", [_file]) { RedirectStandardOutput = true };
        using var process = Process.Start(start)!;
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        int count;
        while ((count = process.StandardOutput.BaseStream.Read(buffer)) > 0)
        {
            total += count;
        }

        process.WaitForExit();
        return total;
    }

    private long Run(PtySpawnOptions options)
    {
        _received = 0;
        using IPtyProcess process = _host.Spawn(options, chunk => _received += chunk.Length);
        process.OutputCompleted.Wait();
        process.Exited.Wait();
        if (_received < FileSize)
        {
            throw new InvalidOperationException($"Only {_received} of {FileSize} bytes arrived");
        }

        return _received;
    }
}

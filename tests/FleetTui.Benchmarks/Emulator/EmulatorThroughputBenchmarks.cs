using BenchmarkDotNet.Attributes;
using FleetTui.Terminal.Emulation;

namespace FleetTui.Benchmarks.Emulator;

/// <summary>
/// Parser + handler + screen throughput on 20 MB streams, fed in 64 KiB chunks as a PTY reader would, into a
/// 100x30 terminal whose 10,000-line history is already full (steady state: allocations should be zero).
/// Issue 17's goal 3 on the 2-core machine: plain 500 MB/s, colored 250 MB/s, nothing allocated.
/// Run: <c>dotnet tests/FleetTui.Benchmarks/bin/Release/net10.0/FleetTui.Benchmarks.dll --filter '*EmulatorThroughput*' --job short --inProcess</c>;
/// compare against a build of the previous commit in the same minutes (alternate them: the machine is shared).
/// </summary>
[MemoryDiagnoser]
public class EmulatorThroughputBenchmarks
{
    private const int Chunk = 64 * 1024;

    private byte[] _plain = [];
    private byte[] _colored = [];
    private VirtualTerminal _terminal = null!;

    [GlobalSetup]
    public void Setup()
    {
        _plain = BenchmarkStreams.Plain();
        _colored = BenchmarkStreams.Colored();
        _terminal = new VirtualTerminal(100, 30);
        Feed(_plain); // fill the history
    }

    [Benchmark]
    public long PlainText20MB() => Feed(_plain);

    [Benchmark]
    public long ColoredText20MB() => Feed(_colored);

    private long Feed(byte[] data)
    {
        for (var offset = 0; offset < data.Length; offset += Chunk)
            _terminal.Feed(data.AsSpan(offset, Math.Min(Chunk, data.Length - offset)));
        return _terminal.Version;
    }
}

using BenchmarkDotNet.Attributes;
using FleetTui.Terminal.Parsing;

namespace FleetTui.Benchmarks.Emulator;

/// <summary>The parser alone (a handler that only counts), to separate parsing cost from screen cost.</summary>
[MemoryDiagnoser]
public class ParserThroughputBenchmarks
{
    private sealed class CountingHandler : IVtHandler
    {
        public long Count;

        public void Print(ReadOnlySpan<int> codePoints) => Count += codePoints.Length;

        public void PrintAscii(ReadOnlySpan<byte> text) => Count += text.Length;

        public void Execute(byte control) => Count++;

        public void CsiDispatch(VtParams parameters, VtCollected collected, byte final) => Count++;

        public void EscDispatch(VtCollected collected, byte final) => Count++;

        public void OscDispatch(ReadOnlySpan<byte> payload) => Count++;

        public void DcsHook(VtParams parameters, VtCollected collected, byte final) => Count++;

        public void DcsPut(ReadOnlySpan<byte> data) => Count++;

        public void DcsUnhook() => Count++;
    }

    private byte[] _plain = [];
    private byte[] _colored = [];
    private readonly CountingHandler _handler = new();
    private VtParser _parser = null!;

    [GlobalSetup]
    public void Setup()
    {
        _plain = BenchmarkStreams.Plain();
        _colored = BenchmarkStreams.Colored();
        _parser = new VtParser(_handler);
    }

    [Benchmark]
    public long ParsePlain20MB()
    {
        _parser.Advance(_plain);
        return _handler.Count;
    }

    [Benchmark]
    public long ParseColored20MB()
    {
        _parser.Advance(_colored);
        return _handler.Count;
    }
}

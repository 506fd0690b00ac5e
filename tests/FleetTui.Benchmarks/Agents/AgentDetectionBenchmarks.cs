using BenchmarkDotNet.Attributes;
using FleetTui.Core.Agents;

namespace FleetTui.Benchmarks.Agents;

/// <summary>
/// What state detection adds to a pane: one detector step per output chunk (the cockpit feeds every chunk), and one
/// screen classification per sample (at most one per 50 ms while output flows). Compare with the emulator's cost per
/// chunk (EmulatorThroughputBenchmarks): detection must stay a small fraction of parsing.
/// Run: <c>dotnet run -c Release --project tests/FleetTui.Benchmarks -- --filter '*AgentDetection*' --job short</c>.
/// </summary>
[MemoryDiagnoser]
public class AgentDetectionBenchmarks
{
    private readonly AgentStateDetector _detector = new(AgentStatePatterns.Claude);
    private readonly string[] _screen = new string[48];
    private DateTimeOffset _now = DateTimeOffset.UnixEpoch;

    [GlobalSetup]
    public void Setup()
    {
        for (var row = 0; row < _screen.Length; row++)
            _screen[row] = row % 3 == 0 ? $"● Read(src/module{row}.cs)" : $"  ⎿  line {row} of a transcript that looks like code: var x = {row};";
        _screen[^4] = "✻ Pondering… (12s · ↑ 1.2k tokens · esc to interrupt)";
        _screen[^2] = "│ >                                                                     │";
        _screen[^1] = "  ? for shortcuts";
        _detector.Observe(new AgentObservation.Process(_now, Alive: true));
    }

    /// <summary>One 4 KiB chunk of output, 1 ms after the last.</summary>
    [Benchmark]
    public AgentState? ObserveOutputChunk()
    {
        _now = _now.AddMilliseconds(1);
        return _detector.Observe(new AgentObservation.Output(_now, 4096));
    }

    /// <summary>A sample of a 48-row screen (Claude-like transcript, spinner and input box).</summary>
    [Benchmark]
    public AgentState? ObserveScreenSample()
    {
        _now = _now.AddMilliseconds(50);
        return _detector.Observe(new AgentObservation.Screen(_now, _screen, CursorVisible: false));
    }
}

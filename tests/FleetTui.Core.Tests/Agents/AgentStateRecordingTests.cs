using System.Globalization;
using FleetTui.Core.Agents;
using Shouldly;
using Xunit;
using Xunit.Abstractions;

namespace FleetTui.Core.Tests.Agents;

/// <summary>
/// The detector on recorded sessions of each kind of agent (Recordings/*.rec, written to imitate Claude Code/Ink,
/// Codex/ratatui, aider, Gemini CLI and FleetTui's demo agent). Run with
/// <c>--logger "console;verbosity=detailed"</c> to see the latency and false-positive figures.
/// </summary>
public sealed class AgentStateRecordingTests(ITestOutputHelper output)
{
    public static TheoryData<string> Recordings() => new(AgentRecording.All());

    [Theory]
    [MemberData(nameof(Recordings))]
    public void Reports_every_true_state_change_once_in_order_without_flicker(string name)
    {
        var replay = RecordingReplay.Run(AgentRecording.Load(name));
        Describe(replay);
        replay.Emitted.Select(e => e.Activity).ShouldBe(replay.TrueSequence);
    }

    [Theory]
    [MemberData(nameof(Recordings))]
    public void Never_reports_a_state_that_is_not_true_at_that_moment(string name)
    {
        var replay = RecordingReplay.Run(AgentRecording.Load(name));
        replay.FalsePositives.ShouldBe(0, Describe(replay));
    }

    [Theory]
    [MemberData(nameof(Recordings))]
    public void Reports_each_change_within_the_debounce_or_the_hook_override_hold(string name)
    {
        var options = AgentStateDetectorOptions.Default;
        var bound = (options.HookOverride + options.Debounce + RecordingReplay.Tick).TotalSeconds;
        var replay = RecordingReplay.Run(AgentRecording.Load(name), options);
        foreach (var (at, truth, latency) in replay.Latencies())
            latency.ShouldNotBeNull($"{truth} at {at}s was never reported\n{Describe(replay)}").ShouldBeLessThanOrEqualTo(bound);
    }

    [Fact]
    public void Summarises_latency_and_false_positives_over_all_recordings()
    {
        var latencies = new List<double>();
        var falsePositives = 0;
        var changes = 0;
        foreach (var name in AgentRecording.All())
        {
            var replay = RecordingReplay.Run(AgentRecording.Load(name));
            output.WriteLine(Describe(replay));
            falsePositives += replay.FalsePositives;
            changes += replay.Emitted.Count;
            latencies.AddRange(replay.Latencies().Where(l => l.Truth != AgentActivity.Starting).Select(l => l.Latency ?? double.NaN));
        }

        latencies.ShouldNotContain(double.NaN);
        latencies.Sort();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ALL: {changes} reported changes, {falsePositives} false positives; latency over {latencies.Count} true changes: " +
            $"median {latencies[latencies.Count / 2] * 1000:0} ms, max {latencies[^1] * 1000:0} ms"));
        falsePositives.ShouldBe(0);
    }

    [Fact]
    public void Without_debounce_the_mid_redraw_sample_would_flicker()
    {
        // Proves the glitch in claude-ink.rec is a real trap: with no debounce the detector reports idle for a moment.
        var replay = RecordingReplay.Run(AgentRecording.Load("claude-ink"), new AgentStateDetectorOptions { Debounce = TimeSpan.Zero });
        replay.FalsePositives.ShouldBeGreaterThan(0);
    }

    private string Describe(RecordingReplay replay)
    {
        var text = string.Join("\n", new[] { $"{replay.Recording.Name}: emitted" }
            .Concat(replay.Emitted.Select(e => string.Create(CultureInfo.InvariantCulture, $"  {e.At,6:0.00}s {e.Activity} ({e.Source})")))
            .Concat(replay.Latencies().Select(l => string.Create(CultureInfo.InvariantCulture,
                $"  truth {l.Truth} at {l.At:0.00}s → latency {(l.Latency is { } s ? $"{s * 1000:0} ms" : "never")}")))
            .Append($"  false positives: {replay.FalsePositives}"));
        output.WriteLine(text);
        return text;
    }
}

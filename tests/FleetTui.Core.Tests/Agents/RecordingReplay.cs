using FleetTui.Core.Agents;

namespace FleetTui.Core.Tests.Agents;

/// <summary>
/// Plays a recording through a detector the way the session does: every observation as it comes, and a timer tick every
/// <see cref="Tick"/> in between. Reports the emitted activity changes and measures them against the recording's truth.
/// </summary>
public sealed class RecordingReplay
{
    public static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(50);

    private RecordingReplay(AgentRecording recording, IReadOnlyList<(double At, AgentActivity Activity, StateSource Source)> emitted)
    {
        Recording = recording;
        Emitted = emitted;
    }

    public AgentRecording Recording { get; }

    /// <summary>Every reported activity change, in order.</summary>
    public IReadOnlyList<(double At, AgentActivity Activity, StateSource Source)> Emitted { get; }

    public static RecordingReplay Run(AgentRecording recording, AgentStateDetectorOptions? options = null)
    {
        var detector = new AgentStateDetector(AgentPresets.HintsFor(recording.Preset), options);
        var emitted = new List<(double, AgentActivity, StateSource)>();
        var last = AgentActivity.NotStarted;
        void Record(AgentState? state, DateTimeOffset at)
        {
            if (state is not null && state.Activity != last)
            {
                last = state.Activity;
                emitted.Add((AgentRecording.Seconds(at), state.Activity, state.Source));
            }
        }

        var clock = AgentRecording.Origin;
        var end = recording.Observations[^1].At + TimeSpan.FromSeconds(5);
        var index = 0;
        while (clock <= end)
        {
            while (index < recording.Observations.Count && recording.Observations[index].At <= clock)
            {
                var observation = recording.Observations[index++];
                Record(detector.Observe(observation), observation.At);
            }

            Record(detector.Advance(clock), clock);
            clock += Tick;
        }

        return new RecordingReplay(recording, emitted);
    }

    /// <summary>Emitted changes to a state that was not the truth at that moment.</summary>
    public int FalsePositives => Emitted.Count(e => Recording.TruthAt(e.At) != e.Activity);

    /// <summary>The truth's changes (consecutive duplicates removed).</summary>
    public IReadOnlyList<AgentActivity> TrueSequence =>
        Recording.Truth.Select(t => t.Truth).Where((a, i) => i == 0 || Recording.Truth[i - 1].Truth != a).ToList();

    /// <summary>For each true change, the time until the detector reported it (null when it never did before the next change).</summary>
    public IReadOnlyList<(double At, AgentActivity Truth, double? Latency)> Latencies()
    {
        var changes = Recording.Truth.Where((t, i) => i == 0 || Recording.Truth[i - 1].Truth != t.Truth).ToList();
        var result = new List<(double, AgentActivity, double?)>();
        for (var i = 0; i < changes.Count; i++)
        {
            var (at, truth) = changes[i];
            var until = i + 1 < changes.Count ? changes[i + 1].At : double.MaxValue;
            var hit = Emitted.FirstOrDefault(e => e.At >= at - 1e-9 && e.At < until && e.Activity == truth);
            result.Add((at, truth, hit == default ? null : hit.At - at));
        }

        return result;
    }
}

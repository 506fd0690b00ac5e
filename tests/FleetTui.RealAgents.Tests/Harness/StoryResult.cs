namespace FleetTui.RealAgents.Tests.Harness;

/// <summary>One run of one story: its latencies by name, the false states it showed, and the timeline for a failure message.</summary>
public sealed record StoryResult(string Agent, string Story, IReadOnlyDictionary<string, TimeSpan> Latencies, IReadOnlyList<string> FalseStates, string Timeline)
{
    public override string ToString() =>
        $"{Agent} / {Story}: {string.Join(", ", Latencies.Select(l => $"{l.Key} {l.Value.TotalMilliseconds:0} ms"))}; "
        + $"{FalseStates.Count} false state(s){(FalseStates.Count > 0 ? ": " + string.Join("; ", FalseStates) : "")}\n{Timeline}";
}

using Shouldly;

namespace FleetTui.RealAgents.Tests.Harness;

/// <summary>The goals every story run is held to (issue 13): no false state, and each latency within its bound.</summary>
public static class StoryGoals
{
    public static IReadOnlyDictionary<string, TimeSpan> Bounds { get; } = new Dictionary<string, TimeSpan>(StringComparer.Ordinal)
    {
        ["waiting"] = TimeSpan.FromMilliseconds(300),
        ["working after grant"] = TimeSpan.FromMilliseconds(300),
        ["idle"] = TimeSpan.FromMilliseconds(500),
        ["interrupt"] = TimeSpan.FromSeconds(1),
        ["stuck"] = TimeSpan.FromMilliseconds(500),
    };

    /// <summary>
    /// How much slower than its goal a latency may be in a test run: `dotnet test FleetTui.sln` runs every test assembly
    /// at once on CI's two cores, where a timer fires hundreds of milliseconds late (measured: an idle at 1.1 s, a
    /// dialog at 0.53 s). The goals themselves are held by the measurement (scripts/measure-agent-states.sh), one agent
    /// at a time; a false state is never tolerated. FLEET_AGENT_LATENCY_FACTOR=1 holds a test run to the goals too.
    /// </summary>
    public static double LoadFactor { get; } =
        double.TryParse(Environment.GetEnvironmentVariable("FLEET_AGENT_LATENCY_FACTOR"), System.Globalization.CultureInfo.InvariantCulture, out var factor) && factor > 0
            ? factor
            : 4;

    public static void Check(StoryResult result)
    {
        result.FalseStates.ShouldBeEmpty(result.ToString());
        foreach (var (name, latency) in result.Latencies)
            latency.ShouldBeLessThanOrEqualTo(Bounds[name] * LoadFactor, $"{name} latency (goal {Bounds[name].TotalMilliseconds:0} ms × {LoadFactor} under test load)\n{result}");
    }
}

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

    public static void Check(StoryResult result)
    {
        result.FalseStates.ShouldBeEmpty(result.ToString());
        foreach (var (name, latency) in result.Latencies)
            latency.ShouldBeLessThanOrEqualTo(Bounds[name], $"{name} latency\n{result}");
    }
}

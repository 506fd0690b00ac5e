using FleetTui.Core.Agents;

namespace FleetTui.RealAgents.Tests.Harness;

/// <summary>
/// A stretch of a story where the truth is known: from <see cref="Start"/> (the screen showed it, a hook fired, or the
/// user pressed a key) the states in <see cref="Allowed"/> are right. <see cref="Measure"/>, when set, names the latency
/// this phase measures: from <see cref="MeasureFrom"/> to the first report of <see cref="Target"/>.
/// </summary>
public sealed record StoryPhase(string Name, DateTimeOffset Start, IReadOnlySet<AgentActivity> Allowed)
{
    public string? Measure { get; init; }

    public AgentActivity? Target { get; init; }

    public DateTimeOffset? MeasureFrom { get; init; }
}

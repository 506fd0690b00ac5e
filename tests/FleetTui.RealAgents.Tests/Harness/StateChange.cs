using FleetTui.Core.Agents;

namespace FleetTui.RealAgents.Tests.Harness;

/// <summary>A state the detector reported, and when.</summary>
public sealed record StateChange(DateTimeOffset At, AgentState State)
{
    public AgentActivity Activity => State.Activity;

    public override string ToString() => $"{At:HH:mm:ss.fff} {State.Activity} via {State.Source}";
}

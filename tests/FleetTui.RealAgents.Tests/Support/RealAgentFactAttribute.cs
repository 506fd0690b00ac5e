using Xunit;

namespace FleetTui.RealAgents.Tests.Support;

/// <summary>A fact that needs a real agent: skipped, with the reason and the fix, when the agent is not installed.</summary>
public sealed class RealAgentFactAttribute : FactAttribute
{
    public RealAgentFactAttribute(string agent)
    {
        if (!AgentInstall.Has(agent))
            Skip = AgentInstall.SkipReason(agent);
        Timeout = 120_000;
    }
}

using Xunit;

namespace FleetTui.RealAgents.Tests;

/// <summary>One real agent at a time: each takes a core while it starts, and latencies measured on a machine busy with a
/// second agent would measure the machine.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RealAgentsCollection
{
    public const string Name = "real agents";
}

using Xunit;

namespace FleetTui.Tests.Host.Server;

/// <summary>Tests that run real fleet host processes (each with agents) run one at a time: two cores, timing-sensitive assertions.</summary>
[CollectionDefinition(Name)]
public sealed class FleetHostCollection
{
    public const string Name = "fleet host processes";
}

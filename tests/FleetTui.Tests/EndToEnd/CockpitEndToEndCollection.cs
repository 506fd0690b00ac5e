using Xunit;

namespace FleetTui.Tests.EndToEnd;

/// <summary>
/// The tmux end-to-end tests run alone, after the parallel tests: each starts a full cockpit (and its agents), and on a
/// loaded 2-core machine sharing the CPU with other tmux tests made keystrokes arrive late enough to hit timeouts.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class CockpitEndToEndCollection
{
    public const string Name = "cockpit end-to-end";
}

using Shouldly;
using Xunit;

namespace FleetTui.Core.Tests;

public class SmokeTests
{
    [Fact]
    public void The_assembly_loads() => typeof(FleetTui.Core.Config.ConfigLoader).Assembly.GetName().Name.ShouldBe("FleetTui.Core");
}

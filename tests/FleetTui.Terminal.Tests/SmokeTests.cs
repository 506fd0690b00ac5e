using Shouldly;
using Xunit;

namespace FleetTui.Terminal.Tests;

public class SmokeTests
{
    [Fact]
    public void The_assembly_loads() => typeof(FleetTui.Terminal.TerminalAssembly).Assembly.GetName().Name.ShouldBe("FleetTui.Terminal");
}

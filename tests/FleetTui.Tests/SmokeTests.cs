using Shouldly;
using Xunit;

namespace FleetTui.Tests;

public class SmokeTests
{
    [Fact]
    public void The_executable_assembly_is_named_fleet() => typeof(FleetTui.Program).Assembly.GetName().Name.ShouldBe("fleet");
}

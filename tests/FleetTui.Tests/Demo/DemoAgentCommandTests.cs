using FleetTui.Demo;
using Shouldly;
using Xunit;

namespace FleetTui.Tests.Demo;

public class DemoAgentCommandTests
{
    [Fact]
    public void An_apphost_runs_itself() =>
        DemoAgentCommand.Resolve("/home/me/.dotnet/tools/fleet", "/home/me/.dotnet/tools/.store/fleet.dll").ShouldBe(["/home/me/.dotnet/tools/fleet"]);

    [Fact]
    public void Under_the_dotnet_host_the_entry_assembly_is_passed_to_it() =>
        DemoAgentCommand.Resolve("/usr/share/dotnet/dotnet", "/src/bin/fleet.dll").ShouldBe(["/usr/share/dotnet/dotnet", "/src/bin/fleet.dll"]);

    [Fact]
    public void Without_a_process_path_dotnet_runs_the_entry_assembly() =>
        DemoAgentCommand.Resolve(null, "/src/bin/fleet.dll").ShouldBe(["dotnet", "/src/bin/fleet.dll"]);
}

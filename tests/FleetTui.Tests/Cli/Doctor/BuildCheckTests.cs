using FleetTui.Cli.Doctor;
using FleetTui.Cli.Doctor.Checks;
using Shouldly;
using Xunit;

namespace FleetTui.Tests.Cli.Doctor;

public class BuildCheckTests
{
    private static readonly DoctorContext Context = new(new LocalMachine(new Dictionary<string, string?>(), "/"));

    [Fact]
    public async Task A_native_build_says_native_aot()
    {
        var finding = (await new BuildCheck(dynamicCodeSupported: false, processPath: "/opt/fleet/fleet").RunAsync(Context, CancellationToken.None)).ShouldHaveSingleItem();

        finding.ShouldBe(DoctorFinding.Ok("fleet build", $"Native AOT ({System.Runtime.InteropServices.RuntimeInformation.RuntimeIdentifier}, /opt/fleet/fleet)"));
    }

    [Fact]
    public async Task A_jit_build_says_so_and_how_to_build_the_native_one()
    {
        var finding = (await new BuildCheck().RunAsync(Context, CancellationToken.None)).ShouldHaveSingleItem();

        finding.Status.ShouldBe(DoctorStatus.Ok);
        finding.Message.ShouldStartWith("JIT (framework-dependent, ");
        finding.Message.ShouldContain("scripts/pack-tool.sh");
    }
}

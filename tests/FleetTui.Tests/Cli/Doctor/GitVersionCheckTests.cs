using FleetTui.Cli.Doctor;
using FleetTui.Cli.Doctor.Checks;
using FleetTui.Core.Tests.Support;
using FleetTui.Tests.Support;
using Shouldly;
using Xunit;

namespace FleetTui.Tests.Cli.Doctor;

[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public class GitVersionCheckTests
{
    private static async Task<DoctorFinding> CheckAsync(FakePrograms fakes)
    {
        using var repo = await TempRepo.CreateAsync();
        var context = await DoctorMachine.ContextAsync(repo, DoctorMachine.Environment(repo, fakes));
        return (await new GitVersionCheck().RunAsync(context, CancellationToken.None)).ShouldHaveSingleItem();
    }

    [Theory]
    [InlineData("git version 2.38.0", DoctorStatus.Ok)]
    [InlineData("git version 2.39.5.windows.1", DoctorStatus.Ok)]
    [InlineData("git version 2.37.7 (Apple Git-140)", DoctorStatus.Fail)]
    [InlineData("git version 1.9", DoctorStatus.Fail)]
    public async Task Git_2_38_or_later_passes(string output, DoctorStatus expected)
    {
        using var fakes = new FakePrograms().Add("git", $"echo '{output}'");

        (await CheckAsync(fakes)).Status.ShouldBe(expected);
    }

    [Fact]
    public async Task No_git_on_path_fails()
    {
        using var fakes = new FakePrograms();

        var finding = await CheckAsync(fakes);

        finding.Status.ShouldBe(DoctorStatus.Fail);
        finding.Message.ShouldBe("not found on PATH");
    }

    [Fact]
    public async Task A_git_that_prints_no_version_fails_with_what_it_said()
    {
        using var fakes = new FakePrograms().Add("git", "echo 'segmentation fault' >&2\nexit 139");

        var finding = await CheckAsync(fakes);

        finding.Status.ShouldBe(DoctorStatus.Fail);
        finding.Message.ShouldContain("exit code 139: segmentation fault");
    }
}

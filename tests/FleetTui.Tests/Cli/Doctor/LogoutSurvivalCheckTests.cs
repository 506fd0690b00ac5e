using FleetTui.Cli.Doctor;
using FleetTui.Cli.Doctor.Checks;
using FleetTui.Tests.Support;
using Shouldly;
using Xunit;

namespace FleetTui.Tests.Cli.Doctor;

/// <summary>A folder stands for the file system root (/run/systemd, /etc/systemd); a fake loginctl on PATH answers for linger.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class LogoutSurvivalCheckTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("fleet-root-").FullName;
    private readonly FakePrograms _fakes = new();

    public void Dispose()
    {
        Directory.Delete(_root, recursive: true);
        _fakes.Dispose();
    }

    private LogoutSurvivalCheckTests Systemd()
    {
        Directory.CreateDirectory(Path.Combine(_root, "run/systemd/system"));
        return this;
    }

    private LogoutSurvivalCheckTests File(string path, string text)
    {
        var full = Path.Combine(_root, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        System.IO.File.WriteAllText(full, text);
        return this;
    }

    private LogoutSurvivalCheckTests Linger(string answer)
    {
        // Prints what loginctl prints, only for the argv doctor must pass.
        _fakes.Add("loginctl", $"[ \"$*\" = 'show-user ada --property=Linger' ] && echo 'Linger={answer}'");
        return this;
    }

    private async Task<DoctorFinding> CheckAsync()
    {
        var machine = new LocalMachine(new Dictionary<string, string?> { ["PATH"] = _fakes.Bin, ["USER"] = "ada" }, _root);
        return (await new LogoutSurvivalCheck(_root).RunAsync(new DoctorContext(machine), CancellationToken.None)).ShouldHaveSingleItem();
    }

    [Fact]
    public async Task Without_systemd_it_says_so()
    {
        var finding = await CheckAsync();

        finding.Status.ShouldBe(DoctorStatus.Ok);
        finding.Message.ShouldContain("systemd is not running here");
    }

    [Fact]
    public async Task Kill_user_processes_without_linger_is_a_warning_with_the_command_to_enable_it()
    {
        Systemd().File("etc/systemd/logind.conf", "[Login]\nKillUserProcesses=yes\n").Linger("no");

        var finding = await CheckAsync();

        finding.Status.ShouldBe(DoctorStatus.Warn);
        finding.Message.ShouldContain("KillUserProcesses=yes (/etc/systemd/logind.conf) and linger off");
        finding.Fix.ShouldNotBeNull().ShouldStartWith("loginctl enable-linger ada");
    }

    [Fact]
    public async Task Kill_user_processes_with_linger_is_fine()
    {
        Systemd().File("etc/systemd/logind.conf", "[Login]\nKillUserProcesses=yes\n").Linger("yes");

        (await CheckAsync()).Status.ShouldBe(DoctorStatus.Ok);
    }

    [Fact]
    public async Task The_commented_built_in_default_counts_when_nothing_sets_it()
    {
        Systemd().File("etc/systemd/logind.conf", "[Login]\n#NAutoVTs=6\n#KillUserProcesses=no\n").Linger("no");

        var finding = await CheckAsync();

        finding.Status.ShouldBe(DoctorStatus.Ok);
        finding.Message.ShouldContain("KillUserProcesses=no (the built-in default, as /etc/systemd/logind.conf shows it), linger off");
    }

    [Fact]
    public async Task A_drop_in_overrides_the_main_file_and_etc_replaces_a_drop_in_of_the_same_name()
    {
        Systemd()
            .File("etc/systemd/logind.conf", "[Login]\nKillUserProcesses=no\n")
            .File("usr/lib/systemd/logind.conf.d/50-vendor.conf", "[Login]\nKillUserProcesses=no\n")
            .File("etc/systemd/logind.conf.d/50-vendor.conf", "[Login]\nKillUserProcesses=yes\n")
            .Linger("no");

        var finding = await CheckAsync();

        finding.Status.ShouldBe(DoctorStatus.Warn);
        finding.Message.ShouldContain("(/etc/systemd/logind.conf.d/50-vendor.conf)");
    }

    [Fact]
    public async Task Without_loginctl_the_linger_file_tells()
    {
        Systemd().File("etc/systemd/logind.conf", "[Login]\nKillUserProcesses=yes\n").File("var/lib/systemd/linger/ada", "");

        (await CheckAsync()).Status.ShouldBe(DoctorStatus.Ok);
    }

    [Fact]
    public async Task An_unset_kill_user_processes_without_linger_is_a_warning()
    {
        Systemd().Linger("no");

        var finding = await CheckAsync();

        finding.Status.ShouldBe(DoctorStatus.Warn);
        finding.Message.ShouldContain("KillUserProcesses is not set");
    }
}

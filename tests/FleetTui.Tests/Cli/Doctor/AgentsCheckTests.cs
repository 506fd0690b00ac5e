using FleetTui.Cli.Doctor;
using FleetTui.Cli.Doctor.Checks;
using FleetTui.Core.Tests.Support;
using FleetTui.Tests.Support;
using Shouldly;
using Xunit;

namespace FleetTui.Tests.Cli.Doctor;

[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public class AgentsCheckTests
{
    [Fact]
    public async Task An_agent_whose_version_never_answers_is_a_warning_once_the_timeout_has_killed_it_and_its_children()
    {
        using var repo = await TempRepo.CreateAsync();
        repo.WriteFile("fleet.toml", "[fleet]\nagent = \"claude\"\n");
        // A child of the script holds the output pipe too: only killing the whole tree lets the check return.
        using var fakes = new FakePrograms().Add("claude", "PATH=/usr/bin:/bin\nsleep 600\necho never");
        var context = await DoctorMachine.ContextAsync(repo, DoctorMachine.Environment(repo, fakes));

        var findings = await new AgentsCheck(versionTimeout: TimeSpan.FromMilliseconds(300)).RunAsync(context, CancellationToken.None)
            .WaitAsync(TimeSpan.FromSeconds(30));

        var claude = findings.ShouldHaveSingleItem();
        claude.Status.ShouldBe(DoctorStatus.Warn);
        claude.Message.ShouldContain("gave no answer within 0.3s");
    }

    [Fact]
    public async Task An_agent_whose_version_fails_is_a_warning_with_its_message()
    {
        using var repo = await TempRepo.CreateAsync();
        repo.WriteFile("fleet.toml", "[fleet]\nagent = \"codex\"\n");
        using var fakes = new FakePrograms().Add("codex", "echo 'env: node: No such file or directory' >&2\nexit 127");
        var context = await DoctorMachine.ContextAsync(repo, DoctorMachine.Environment(repo, fakes));

        var codex = (await new AgentsCheck().RunAsync(context, CancellationToken.None)).ShouldHaveSingleItem();

        codex.Status.ShouldBe(DoctorStatus.Warn);
        codex.Message.ShouldContain("exit code 127: env: node: No such file or directory");
        codex.Fix.ShouldBe("reinstall it: npm install -g @openai/codex");
    }

    [Fact]
    public async Task A_task_added_with_its_own_agent_makes_that_agent_required()
    {
        using var repo = await TempRepo.CreateAsync();
        using var fakes = new FakePrograms();
        VerbRunner.RunWith(repo, DoctorMachine.Environment(repo, fakes), "new", "alpha", "--agent", "aider").ExitCode.ShouldBe(0);
        repo.WriteFile("fleet.toml", "[fleet]\nagent = \"shell\"\n");
        var context = await DoctorMachine.ContextAsync(repo, DoctorMachine.Environment(repo, fakes));

        var findings = await new AgentsCheck().RunAsync(context, CancellationToken.None);

        var aider = findings.Single(f => f.Subject == "agent aider");
        aider.Status.ShouldBe(DoctorStatus.Fail);
        aider.Message.ShouldContain("used by task alpha");
        aider.Fix.ShouldBe("python -m pip install aider-install && aider-install");
    }

    [Fact]
    public async Task A_program_that_is_not_a_known_agent_is_found_but_never_run()
    {
        using var repo = await TempRepo.CreateAsync();
        repo.WriteFile("fleet.toml", "[fleet]\nagent = [\"my-agent\", \"--fast\"]\n");
        using var fakes = new FakePrograms().Add("my-agent", ": > \"$HOME/ran\"");
        var context = await DoctorMachine.ContextAsync(repo, DoctorMachine.Environment(repo, fakes));

        var mine = (await new AgentsCheck().RunAsync(context, CancellationToken.None)).ShouldHaveSingleItem();

        mine.Status.ShouldBe(DoctorStatus.Ok);
        mine.Message.ShouldBe($"{fakes.Bin}/my-agent (used by the fleet's default)");
        File.Exists(Path.Combine(repo.HomeDir, "ran")).ShouldBeFalse();
    }
}

using FleetTui.Cli;
using FleetTui.Cli.Doctor;
using FleetTui.Core.Tests.Support;
using FleetTui.Tests.Support;
using Shouldly;
using Xunit;

namespace FleetTui.Tests.Cli.Doctor;

[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public class DoctorVerbTests
{
    private static string[] Lines(string text) => text.Split('\n').Select(l => l.TrimEnd()).ToArray();

    /// <summary>The line reporting <paramref name="subject"/> and the fix line below it.</summary>
    private static (string Line, string? Fix) Finding(string output, string subject)
    {
        var lines = Lines(output);
        var index = Array.FindIndex(lines, l => l.Length > 6 && l[6..].StartsWith(subject + " ", StringComparison.Ordinal));
        index.ShouldBeGreaterThanOrEqualTo(0, $"no line for '{subject}' in:\n{output}");
        var next = index + 1 < lines.Length ? lines[index + 1].Trim() : "";
        return (lines[index], next.StartsWith("fix: ", StringComparison.Ordinal) ? next["fix: ".Length..] : null);
    }

    [Fact]
    public async Task Doctor_on_a_machine_missing_an_agent_with_an_old_git_a_16_colour_terminal_and_a_c_locale_fails_and_says_how_to_fix_each()
    {
        using var repo = await TempRepo.CreateAsync();
        repo.WriteFile("fleet.toml", "[fleet]\nagent = \"claude\"\n");
        using var fakes = new FakePrograms().Add("git", "echo 'git version 2.30.0'");
        var environment = DoctorMachine.Environment(repo, fakes);
        environment["TERM"] = "linux";
        environment["LANG"] = "C";

        var outcome = VerbRunner.RunWith(repo, environment, "doctor");

        outcome.ExitCode.ShouldBe(ExitCodes.Failed, outcome.Out);
        var git = Finding(outcome.Out, "git");
        git.Line.ShouldStartWith("FAIL");
        git.Line.ShouldContain("git 2.30.0");
        git.Line.ShouldContain("older than 2.38");
        git.Fix.ShouldNotBeNull().ShouldContain("install git 2.38 or later");
        var claude = Finding(outcome.Out, "agent claude");
        claude.Line.ShouldStartWith("FAIL");
        claude.Line.ShouldContain("not found on PATH (used by the fleet's default)");
        claude.Fix.ShouldBe("npm install -g @anthropic-ai/claude-code");
        var colours = Finding(outcome.Out, "terminal colours");
        colours.Line.ShouldStartWith("WARN");
        colours.Line.ShouldContain("16 colours (TERM=linux)");
        colours.Fix.ShouldNotBeNull().ShouldContain("export TERM=xterm-256color");
        var locale = Finding(outcome.Out, "locale");
        locale.Line.ShouldStartWith("WARN");
        locale.Line.ShouldContain("not UTF-8 (LANG=C)");
        locale.Line.ShouldContain("ASCII");
        locale.Fix.ShouldNotBeNull().ShouldStartWith("export LANG=C.UTF-8");
        outcome.Out.ShouldContain("2 failures, 2 warnings.");
    }

    [Fact]
    public async Task Doctor_on_a_healthy_machine_exits_zero_and_reports_each_agents_version()
    {
        using var repo = await TempRepo.CreateAsync();
        repo.WriteFile("fleet.toml", "[fleet]\nagent = \"claude\"\n[agents.reviewer]\ncommand = [\"codex\", \"--model\", \"o3\"]\n");
        using var fakes = new FakePrograms()
            .Add("git", "echo 'git version 2.45.1'")
            .Add("claude", "echo '2.0.14 (Claude Code)'")
            .Add("codex", "echo 'codex-cli 0.46.0'");
        var environment = DoctorMachine.Environment(repo, fakes);
        environment["COLORTERM"] = "truecolor";

        var outcome = VerbRunner.RunWith(repo, environment, "doctor");

        outcome.ExitCode.ShouldBe(ExitCodes.Ok, outcome.Out);
        Finding(outcome.Out, "git").Line.ShouldBe($"OK    git               git 2.45.1 at {fakes.Bin}/git");
        Finding(outcome.Out, "agent claude").Line.ShouldContain($"2.0.14 (Claude Code) at {fakes.Bin}/claude (used by the fleet's default)");
        Finding(outcome.Out, "agent reviewer").Line.ShouldContain($"codex-cli 0.46.0 at {fakes.Bin}/codex (used by [agents.reviewer])");
        Finding(outcome.Out, "terminal colours").Line.ShouldContain("24-bit colour (COLORTERM=truecolor)");
        Finding(outcome.Out, "locale").Line.ShouldStartWith("OK");
        Finding(outcome.Out, "fleet.toml").Line.ShouldStartWith("OK");
        // The tests run the JIT build: doctor says so, and how to get the native one.
        Finding(outcome.Out, "fleet build").Line.ShouldStartWith("OK");
        Finding(outcome.Out, "fleet build").Line.ShouldContain("JIT (framework-dependent, ");
        outcome.Out.ShouldContain("logout");
    }

    [Fact]
    public async Task A_missing_agent_that_no_task_uses_is_only_a_warning()
    {
        using var repo = await TempRepo.CreateAsync();
        repo.WriteFile("fleet.toml", "[fleet]\nagent = \"shell\"\n[agents.helper]\ncommand = [\"my-helper-agent\"]\n");
        using var fakes = new FakePrograms().Add("git", "echo 'git version 2.43.0'");

        var outcome = VerbRunner.RunWith(repo, DoctorMachine.Environment(repo, fakes), "doctor");

        outcome.ExitCode.ShouldBe(ExitCodes.Ok, outcome.Out);
        Finding(outcome.Out, "agent shell").Line.ShouldBe("OK    agent shell       /bin/sh (used by the fleet's default)");
        var helper = Finding(outcome.Out, "agent helper");
        helper.Line.ShouldStartWith("WARN");
        helper.Fix.ShouldBe("install my-helper-agent, or put the folder holding it on PATH");
    }

    [Fact]
    public async Task Without_a_fleet_toml_doctor_says_to_run_init_and_checks_the_agent_presets()
    {
        using var repo = await TempRepo.CreateAsync();
        using var fakes = new FakePrograms().Add("git", "echo 'git version 2.43.0'").Add("gemini", "echo 0.9.0");

        var outcome = VerbRunner.RunWith(repo, DoctorMachine.Environment(repo, fakes), "doctor");

        outcome.ExitCode.ShouldBe(ExitCodes.Ok, outcome.Out);
        Finding(outcome.Out, "fleet.toml").Fix.ShouldBe("fleet init");
        Finding(outcome.Out, "agent gemini").Line.ShouldContain("0.9.0 at ");
        Finding(outcome.Out, "agent claude").Line.ShouldStartWith("OK    agent claude      not installed (optional");
    }

    [Fact]
    public async Task With_no_agent_at_all_and_no_fleet_toml_one_warning_names_them_all()
    {
        using var repo = await TempRepo.CreateAsync();
        using var fakes = new FakePrograms().Add("git", "echo 'git version 2.43.0'");

        var outcome = VerbRunner.RunWith(repo, DoctorMachine.Environment(repo, fakes), "doctor");

        var agents = Finding(outcome.Out, "agents");
        agents.Line.ShouldStartWith("WARN");
        agents.Line.ShouldContain("none of claude, codex, gemini, aider on PATH");
        outcome.Out.ShouldNotContain("agent claude");
    }

    [Fact]
    public async Task An_invalid_fleet_toml_fails_with_its_position_and_the_other_checks_still_run()
    {
        using var repo = await TempRepo.CreateAsync();
        repo.WriteFile("fleet.toml", "[fleet]\nagnet = \"claude\"\n");
        using var fakes = new FakePrograms().Add("git", "echo 'git version 2.43.0'");

        var outcome = VerbRunner.RunWith(repo, DoctorMachine.Environment(repo, fakes), "doctor");

        outcome.ExitCode.ShouldBe(ExitCodes.Failed);
        var config = Finding(outcome.Out, "fleet.toml");
        config.Line.ShouldStartWith("FAIL");
        config.Line.ShouldContain("fleet.toml:2:1:");
        Finding(outcome.Out, "locale").Line.ShouldStartWith("OK");
    }

    [Fact]
    public async Task Doctor_reads_only_and_leaves_the_repository_as_it_found_it()
    {
        using var repo = await TempRepo.CreateAsync();
        using var fakes = new FakePrograms().Add("git", "echo 'git version 2.43.0'");
        var before = await repo.RunGitAsync("status", "--porcelain", "--ignored");

        VerbRunner.RunWith(repo, DoctorMachine.Environment(repo, fakes), "doctor");

        (await repo.RunGitAsync("status", "--porcelain", "--ignored")).ShouldBe(before);
        Directory.Exists(Path.Combine(repo.CommonDir, "fleet")).ShouldBeFalse();
    }

    [Fact]
    public async Task Outside_a_repository_doctor_still_checks_the_machine()
    {
        using var repo = await TempRepo.CreateAsync();
        using var fakes = new FakePrograms().Add("git", "echo 'git version 2.43.0'");

        var outcome = VerbRunner.RunIn(repo, repo.HomeDir, DoctorMachine.Environment(repo, fakes), "doctor");

        outcome.ExitCode.ShouldBe(ExitCodes.Ok, outcome.Out);
        Finding(outcome.Out, "fleet.toml").Line.ShouldContain("not inside a git repository");
        Finding(outcome.Out, "git").Line.ShouldStartWith("OK");
    }

    [Fact]
    public async Task A_check_that_breaks_is_reported_as_a_failure_and_the_others_still_print()
    {
        using var repo = await TempRepo.CreateAsync();
        using var fakes = new FakePrograms();

        var (exit, output) = DoctorMachine.Run(repo, DoctorMachine.Environment(repo, fakes), new BrokenCheck(), new FleetTui.Cli.Doctor.Checks.LocaleCheck());

        exit.ShouldBe(ExitCodes.Failed);
        Finding(output, nameof(BrokenCheck)).Line.ShouldContain("the check itself failed: boom");
        Finding(output, "locale").Line.ShouldStartWith("OK");
    }

    private sealed class BrokenCheck : IDoctorCheck
    {
        public Task<IReadOnlyList<DoctorFinding>> RunAsync(DoctorContext context, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("boom");
    }
}

using FleetTui.Core.Merging;
using FleetTui.Core.Session;
using Shouldly;
using Xunit;

namespace FleetTui.Core.Tests.Merging;

public sealed class GateRunnerTests : IDisposable
{
    private readonly TestRepo _repo = TestRepo.Create();

    public void Dispose() => _repo.Dispose();

    private GateRequest Request(string? command, TimeSpan? timeout = null) => new()
    {
        Task = "api",
        Command = command,
        WorkingDirectory = _repo.Path,
        Timeout = timeout ?? TimeSpan.FromSeconds(60),
        Environment = new Dictionary<string, string> { ["FLEET_BRANCH"] = "fleet/api" },
    };

    [Fact]
    public async Task A_command_that_exits_zero_passes_and_its_output_is_logged()
    {
        var gate = new GateRunner(_repo.LogsRoot);

        var state = await gate.RunAsync(Request("echo out-$FLEET_TASK-$FLEET_BRANCH; echo err >&2; pwd"));

        state.Outcome.ShouldBe(GateOutcome.Passed);
        state.RunNumber.ShouldBe(1);
        state.LogPath.ShouldBe(Path.Combine(_repo.LogsRoot, "api", "gate-1.log"));
        var log = await File.ReadAllTextAsync(state.LogPath!);
        log.ShouldContain("out-api-fleet/api");
        log.ShouldContain("err");
        log.ShouldContain(_repo.Path);
    }

    [Fact]
    public async Task A_command_that_exits_non_zero_fails_and_the_log_is_kept()
    {
        var gate = new GateRunner(_repo.LogsRoot);

        var state = await gate.RunAsync(Request("echo 'test X failed'; exit 3"));

        state.Outcome.ShouldBe(GateOutcome.Failed);
        (await File.ReadAllTextAsync(state.LogPath!)).ShouldContain("test X failed");
    }

    [Fact]
    public async Task A_command_that_outlives_its_timeout_is_killed_and_reported_as_timed_out()
    {
        var gate = new GateRunner(_repo.LogsRoot);
        var started = DateTime.UtcNow;

        var state = await gate.RunAsync(Request("echo started; sleep 120", TimeSpan.FromMilliseconds(500)));

        state.Outcome.ShouldBe(GateOutcome.TimedOut);
        (DateTime.UtcNow - started).ShouldBeLessThan(TimeSpan.FromSeconds(60));
        var log = await File.ReadAllTextAsync(state.LogPath!);
        log.ShouldContain("started");
        log.ShouldContain("timed out");
    }

    [Fact]
    public async Task Every_run_gets_a_new_log_and_never_overwrites_an_older_one()
    {
        var gate = new GateRunner(_repo.LogsRoot);

        var first = await gate.RunAsync(Request("echo first"));
        var second = await gate.RunAsync(Request("echo second; exit 1"));

        second.RunNumber.ShouldBe(2);
        second.LogPath.ShouldNotBe(first.LogPath);
        (await File.ReadAllTextAsync(first.LogPath!)).ShouldContain("first");
        (await File.ReadAllTextAsync(second.LogPath!)).ShouldContain("second");
    }

    [Fact]
    public async Task No_command_means_no_gate_and_no_log()
    {
        var gate = new GateRunner(_repo.LogsRoot);

        var state = await gate.RunAsync(Request("  "));

        state.Outcome.ShouldBe(GateOutcome.NoGate);
        state.Succeeded.ShouldBeTrue();
        Directory.Exists(Path.Combine(_repo.LogsRoot, "api")).ShouldBeFalse();
    }

    [Fact]
    public async Task The_command_runs_through_sh_as_written()
    {
        var gate = new GateRunner(_repo.LogsRoot);

        var state = await gate.RunAsync(Request("test \"$(printf '%s' a b)\" = ab && [ -d .git ]"));

        state.Outcome.ShouldBe(GateOutcome.Passed);
    }
}

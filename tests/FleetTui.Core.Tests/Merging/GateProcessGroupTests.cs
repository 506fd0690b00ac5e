using FleetTui.Core.Merging;
using FleetTui.Core.Session;
using FleetTui.Core.Tests.Support;
using FleetTui.Core.Worktrees;
using Shouldly;
using Xunit;

namespace FleetTui.Core.Tests.Merging;

/// <summary>Gates (and setups) run as their own process group, judged by the shell's exit, and leave nothing running.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class GateProcessGroupTests : IDisposable
{
    private readonly TestRepo _repo = TestRepo.Create();

    public void Dispose() => _repo.Dispose();

    private GateRequest Request(string command, TimeSpan timeout) => new()
    {
        Task = "api", Command = command, WorkingDirectory = _repo.Path, Timeout = timeout,
    };

    private string PidFile(string name) => Path.Combine(_repo.Path, name);

    /// <summary>A pid written by the gate, once the file is complete.</summary>
    private async Task<int> PidFromAsync(string name)
    {
        (await Eventually.HoldsAsync(() => File.Exists(PidFile(name)) && File.ReadAllText(PidFile(name)).EndsWith('\n'))).ShouldBeTrue();
        return int.Parse(File.ReadAllText(PidFile(name)).Trim(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Gone, or a zombie waiting for init: either way it runs no more.</summary>
    private static bool Runs(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..][0] is not ('Z' or 'X');
        }
        catch (IOException)
        {
            return false;
        }
    }

    [Fact]
    public async Task A_gate_that_leaves_a_background_child_passes_by_its_shell_exit_and_the_child_is_killed()
    {
        var started = DateTime.UtcNow;

        var state = await new GateRunner(_repo.LogsRoot).RunAsync(Request("sleep 1000 & echo $! > child.pid; echo started", TimeSpan.FromSeconds(8)));

        state.Outcome.ShouldBe(GateOutcome.Passed);
        (DateTime.UtcNow - started).ShouldBeLessThan(TimeSpan.FromSeconds(8));
        (await File.ReadAllTextAsync(state.LogPath!)).ShouldContain("started\n");
        var child = await PidFromAsync("child.pid");
        (await Eventually.HoldsAsync(() => !Runs(child))).ShouldBeTrue($"pid {child} still runs");
    }

    [Fact]
    public async Task A_gate_that_times_out_has_its_whole_group_killed()
    {
        var state = await new GateRunner(_repo.LogsRoot).RunAsync(Request("sleep 1000 & echo $! > child.pid; sleep 1000", TimeSpan.FromMilliseconds(700)));

        state.Outcome.ShouldBe(GateOutcome.TimedOut);
        (await File.ReadAllTextAsync(state.LogPath!)).ShouldContain("timed out after 0.7 s; its process group was killed");
        var child = await PidFromAsync("child.pid");
        (await Eventually.HoldsAsync(() => !Runs(child))).ShouldBeTrue($"pid {child} still runs");
    }

    [Fact]
    public async Task A_grandchild_that_escaped_with_setsid_is_reported_in_the_gate_log()
    {
        const string command = "setsid sh -c 'echo $$ > escaped.pid; exec sleep 1000' & while [ ! -s escaped.pid ]; do sleep 0.02; done; echo parent-done";

        var state = await new GateRunner(_repo.LogsRoot).RunAsync(Request(command, TimeSpan.FromSeconds(30)));

        var escaped = await PidFromAsync("escaped.pid");
        try
        {
            state.Outcome.ShouldBe(GateOutcome.Passed);
            (await File.ReadAllTextAsync(state.LogPath!)).ShouldContain($"# escaped the gate's process group and still runs: pid {escaped}: sleep 1000");
        }
        finally
        {
            System.Diagnostics.Process.GetProcessById(escaped).Kill(); // ours: the test started it
        }
    }

    [Fact]
    public async Task A_setup_that_leaves_a_background_child_finishes_when_its_shell_does()
    {
        var log = Path.Combine(_repo.LogsRoot, "t", "setup.log");

        var outcome = await SetupCommandRunner.RunAsync("sleep 1000 & echo $! > setup-child.pid; echo set-up", _repo.Path,
            new Dictionary<string, string>(), TimeSpan.FromSeconds(8), log);

        outcome.Succeeded.ShouldBeTrue(outcome.Failure);
        File.ReadAllText(log).ShouldContain("set-up\n");
        var child = await PidFromAsync("setup-child.pid");
        (await Eventually.HoldsAsync(() => !Runs(child))).ShouldBeTrue($"pid {child} still runs");
    }

    [Fact]
    public async Task Gate_and_setup_logs_are_owner_only_in_owner_only_folders()
    {
        var state = await new GateRunner(_repo.LogsRoot).RunAsync(Request("echo hi", TimeSpan.FromSeconds(30)));
        var setupLog = Path.Combine(_repo.LogsRoot, "t", "setup.log");
        await SetupCommandRunner.RunAsync("echo hi", _repo.Path, new Dictionary<string, string>(), TimeSpan.FromSeconds(30), setupLog);

        const UnixFileMode OwnerReadWrite = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        File.GetUnixFileMode(state.LogPath!).ShouldBe(OwnerReadWrite);
        File.GetUnixFileMode(setupLog).ShouldBe(OwnerReadWrite);
        File.GetUnixFileMode(Path.GetDirectoryName(state.LogPath!)!).ShouldBe(OwnerReadWrite | UnixFileMode.UserExecute);
        File.GetUnixFileMode(_repo.LogsRoot).ShouldBe(OwnerReadWrite | UnixFileMode.UserExecute);
    }
}

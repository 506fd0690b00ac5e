using System.Globalization;
using FleetTui.Core.Tests.Support;
using FleetTui.Tests.Demo;
using Shouldly;
using Xunit;

namespace FleetTui.Tests.Cli;

/// <summary>A gate's process group ends with <c>fleet gate</c>, even when fleet is killed with SIGKILL.</summary>
public class GateProcessTests
{
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

    private static async Task<int> PidFromAsync(string path)
    {
        var text = await Eventually.HoldsAsync(() => Task.FromResult(File.Exists(path) ? File.ReadAllText(path) : ""), t => t.EndsWith('\n'), path);
        return int.Parse(text.Trim(), CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task Killing_fleet_gate_with_sigkill_still_kills_the_gates_whole_group()
    {
        using var repo = await TempRepo.CreateAsync();
        File.WriteAllText(Path.Combine(repo.Path, "fleet.toml"),
            "[fleet]\ngate = \"sleep 1000 & echo $! > child.pid; echo $$ > shell.pid; sleep 1000\"\n");
        await repo.CommitAllAsync("fleet.toml");
        (await FleetProcess.RunAsync(repo, "new", "t")).ExitCode.ShouldBe(0);
        var worktree = Path.Combine(repo.RootDir, "repo.worktrees", "t");
        using var gate = FleetProcess.Start(repo, ["gate", "t"]);
        var child = await PidFromAsync(Path.Combine(worktree, "child.pid"));
        var shell = await PidFromAsync(Path.Combine(worktree, "shell.pid"));

        gate.Kill(); // SIGKILL: fleet runs no cleanup of its own
        await gate.WaitForExitAsync();

        await Eventually.HoldsAsync(() => Task.FromResult(Runs(child) || Runs(shell)), running => !running, "the gate's processes to end");
    }
}

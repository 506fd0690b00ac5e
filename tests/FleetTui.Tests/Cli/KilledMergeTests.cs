using System.Globalization;
using FleetTui.Core.Config;
using FleetTui.Core.Tests.Support;
using FleetTui.Tests.Demo;
using Shouldly;
using Xunit;

namespace FleetTui.Tests.Cli;

/// <summary><c>fleet merge</c> killed with SIGKILL while it gates a merge result: the next fleet cleans up and a new merge completes.</summary>
public class KilledMergeTests
{
    [Fact]
    public async Task A_merge_killed_during_its_gate_on_the_merge_result_leaves_nothing_behind_once_another_fleet_runs()
    {
        using var repo = await TempRepo.CreateAsync();
        var blocking = Path.Combine(repo.RootDir, "gate.pid");
        var release = Path.Combine(repo.RootDir, "no-more-blocking");
        // Passes in the task's worktree; on the merge result (a temporary checkout) blocks until released.
        var gate = $"case \"$PWD\" in */fleet-gate-*) if [ ! -e '{release}' ]; then echo $$ > '{blocking}'; sleep 1000; fi;; esac";
        File.WriteAllText(Path.Combine(repo.Path, "fleet.toml"), $"[fleet]\ngate = {TomlText.Quote(gate)}\ngate_after_merge = true\n");
        await repo.CommitAllAsync("fleet.toml");
        (await FleetProcess.RunAsync(repo, "new", "api")).ExitCode.ShouldBe(0);
        await repo.CommitFileAsync("api.txt", "a", "The api", Path.Combine(repo.RootDir, "repo.worktrees", "api"));

        using (var merging = FleetProcess.Start(repo, ["merge", "api", "--yes"]))
        {
            var text = await Eventually.HoldsAsync(() => Task.FromResult(File.Exists(blocking) ? File.ReadAllText(blocking) : ""), t => t.EndsWith('\n'), blocking);
            merging.Kill();
            await merging.WaitForExitAsync();
            var gatePid = int.Parse(text.Trim(), CultureInfo.InvariantCulture);
            await Eventually.HoldsAsync(() => Task.FromResult(FleetTui.Terminal.Pty.ProcessIdentity.Of(gatePid) is not null),
                running => !running, "the killed merge's gate to end");
        }

        (await repo.RunGitAsync("worktree", "list")).ShouldContain("fleet-gate-api-"); // what the kill left
        var anotherVerb = await FleetProcess.RunAsync(repo, "prune");
        File.WriteAllText(release, "");
        var merged = await FleetProcess.RunAsync(repo, "merge", "api", "--yes");

        anotherVerb.ExitCode.ShouldBe(0, anotherVerb.Error);
        merged.ExitCode.ShouldBe(0, merged.Out + merged.Error);
        (await repo.RunGitAsync("worktree", "list")).ShouldNotContain("fleet-gate-");
        (await repo.RunGitAsync("branch", "--list", "fleet/api")).ShouldBeEmpty();
        File.Exists(Path.Combine(repo.Path, "api.txt")).ShouldBeTrue();
    }
}

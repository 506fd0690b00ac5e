using FleetTui.Core.Processes;
using FleetTui.Core.Tests.Support;
using Shouldly;
using Xunit;

namespace FleetTui.Core.Tests.Processes;

public class GroupWatchdogTests
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

    [Fact]
    public async Task When_fleet_dies_before_naming_the_group_the_watchdog_kills_the_processes_carrying_the_runs_marker()
    {
        var marker = Guid.NewGuid().ToString("N");
        var folder = Directory.CreateTempSubdirectory("fleet-watchdog-test-").FullName;
        var pidFile = Path.Combine(folder, "child.pid");
        using var watchdog = GroupWatchdog.Start(marker);
        // A gate that started, forked and wrote its pid, all before fleet could name its group to the watchdog.
        var leader = SessionLeaderSpawn.Start(["/bin/sh", "-c", "sleep 1000 & echo $! > child.pid; exec sleep 1000"],
            new Dictionary<string, string> { ["PATH"] = "/usr/bin:/bin", [ProcessGroupRunner.RunMarkerVariable] = marker }, folder, -1, "/dev/null");
        (await Eventually.HoldsAsync(() => File.Exists(pidFile) && File.ReadAllText(pidFile).EndsWith('\n'))).ShouldBeTrue("the child wrote its pid");
        var child = int.Parse(File.ReadAllText(pidFile).Trim(), System.Globalization.CultureInfo.InvariantCulture);

        watchdog.CloseAsIfDied();

        (await Eventually.HoldsAsync(() => !Runs(leader) && !Runs(child))).ShouldBeTrue("the marked group was killed");
        Directory.Delete(folder, recursive: true);
    }
}

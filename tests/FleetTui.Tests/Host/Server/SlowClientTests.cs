using FleetTui.Tests.Demo;
using FleetTui.Tests.EndToEnd;
using Shouldly;
using Xunit;

namespace FleetTui.Tests.Host.Server;

/// <summary>
/// A cockpit that stops reading (a congested link, SIGSTOP) must cost the host nothing: no backlog grows for it, the
/// agents and the other clients go on, and when it reads again it gets the current screen, not the history of it.
/// </summary>
[Collection(FleetHostCollection.Name)]
public class SlowClientTests
{
    [Fact]
    public async Task A_stopped_cockpit_slows_nobody_grows_no_backlog_and_catches_up_to_the_current_screen()
    {
        await using var host = await RunningHost.StartAsync("""
            [fleet]
            base = "main"
            agent = ["sh"]

            [[task]]
            name = "api"
            """);
        await using var watcher = await host.ConnectAsync();
        var pane = (await RunningHost.ShowAsync(watcher, 200, 60, "api"))[0];
        await RunningHost.ScreenAsync(pane, s => s.Contains('$'), "the shell's prompt");

        await using var stalled = new CockpitTmux();
        await stalled.StartAsync(host.Repo, host.Environment, [.. FleetExecutable.Argv(), "attach", "--read-only"], 220, 70);
        await Eventually.HoldsAsync(stalled.CaptureAsync, s => s.Contains("1 api · fleet/api"), "the second cockpit attached", TimeSpan.FromSeconds(30));
        var cockpit = await stalled.ProgramPidAsync();
        Signal(cockpit, "STOP");
        var before = host.ResidentKilobytes();

        // Every update the reading cockpit applies, counted as it lands (acknowledged at once, so each one raises Changed):
        // sampling the version while polling would count the polls a loaded machine manages, not the frames.
        var updates = 0;
        pane.Changed += () =>
        {
            Interlocked.Increment(ref updates);
            pane.AcknowledgeChange();
        };
        pane.AcknowledgeChange(); // the updates so far raised Changed once, to nobody
        // Ten seconds of output as fast as the shell makes it, while the stalled cockpit reads nothing.
        RunningHost.Type(watcher, "api", "end=$(($(date +%s)+10)); while [ $(date +%s) -lt $end ]; do seq 1 20000; done; echo flood-over-$((6*7))\r");
        var peak = before;
        await Eventually.HoldsAsync(() =>
        {
            peak = Math.Max(peak, host.ResidentKilobytes());
            return Task.FromResult(RunningHost.Text(pane));
        }, s => s.Contains("flood-over-42"), "the flood to end, seen by the reading cockpit", TimeSpan.FromSeconds(60));
        var updatesDuringFlood = Volatile.Read(ref updates);

        Signal(cockpit, "CONT");
        await Eventually.HoldsAsync(stalled.CaptureAsync, s => s.Contains("flood-over-42"), "the stalled cockpit caught up to the current screen", TimeSpan.FromSeconds(30));
        updatesDuringFlood.ShouldBeGreaterThan(20, "the reading cockpit kept getting frames during the 10 s flood");
        (peak - before).ShouldBeLessThan(64 * 1024, $"the host's memory grew from {before} KiB to {peak} KiB while a client read nothing");
    }

    private static void Signal(int pid, string signal)
    {
        using var kill = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("kill") { ArgumentList = { $"-{signal}", $"{pid}" } })!;
        kill.WaitForExit();
    }
}

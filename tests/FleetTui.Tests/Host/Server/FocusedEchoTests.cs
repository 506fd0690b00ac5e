using FleetTui.Host.Protocol;
using FleetTui.Tests.Demo;
using Shouldly;
using Xunit;

namespace FleetTui.Tests.Host.Server;

/// <summary>
/// Right after a key, the host sends the focused pane's changes at once in frames of their own and keeps the other panes
/// to their frame slot (issue 17, goal 1). A user who keeps typing keeps that window open: the other panes must still get
/// their frames meanwhile, and the echo must show.
/// </summary>
[Collection(FleetHostCollection.Name)]
public class FocusedEchoTests
{
    [Fact]
    public async Task While_the_user_keeps_typing_into_the_focused_pane_a_flooding_pane_still_gets_its_frames_and_the_echo_shows()
    {
        await using var host = await RunningHost.StartAsync("""
            [fleet]
            base = "main"
            agent = ["sh"]

            [[task]]
            name = "typing"

            [[task]]
            name = "flood"
            """);
        await using var client = await host.ConnectAsync();
        var panes = await RunningHost.ShowAsync(client, 80, 24, "typing", "flood"); // "typing" is focused (the first)
        var (typing, flood) = (panes[0], panes[1]);
        await RunningHost.ScreenAsync(typing, s => s.Contains('$'), "the typing pane's prompt");
        await RunningHost.ScreenAsync(flood, s => s.Contains('$'), "the flooding pane's prompt");
        RunningHost.Type(client, "flood", "while :; do seq 1 2000; done\r");
        await RunningHost.ScreenAsync(flood, s => s.Contains("1999", StringComparison.Ordinal), "the flood");

        var floodUpdates = 0;
        flood.Changed += () =>
        {
            Interlocked.Increment(ref floodUpdates);
            flood.AcknowledgeChange();
        };
        flood.AcknowledgeChange();
        // A key every 50 ms (well inside the echo window each time) until the flooding pane got 20 frames meanwhile.
        var typed = 0;
        await Eventually.HoldsAsync(async () =>
        {
            RunningHost.Type(client, "typing", typed++ % 2 == 0 ? "x" : "y");
            await Task.Delay(50);
            return Volatile.Read(ref floodUpdates);
        }, n => n >= 20, "the flooding pane's frames while the user types", TimeSpan.FromSeconds(60));
        RunningHost.Type(client, "typing", "echo-done\r");

        await RunningHost.ScreenAsync(typing, s => s.Contains("xyx", StringComparison.Ordinal) && s.Contains("echo-done", StringComparison.Ordinal), "the typed keys echoed");
        typed.ShouldBeGreaterThan(0);
    }
}

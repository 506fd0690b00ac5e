namespace FleetTui.RealAgents.Tests.Harness;

/// <summary>
/// After a story's last truth, keep watching a while for a late false state (a quiet timer, a late hook): the wait
/// ends at the first new report, or when the longest timer that could still fire (the 3 s quiet period) has passed.
/// </summary>
public static class Settle
{
    public static readonly TimeSpan Window = TimeSpan.FromMilliseconds(3500);

    public static async Task WatchAsync(AgentPane pane)
    {
        var count = pane.States.Count;
        var until = DateTimeOffset.UtcNow + Window;
        while (DateTimeOffset.UtcNow < until && pane.States.Count == count)
            await Task.Delay(50);
    }
}

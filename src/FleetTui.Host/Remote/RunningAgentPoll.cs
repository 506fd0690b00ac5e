using FleetTui.Host.Protocol;

namespace FleetTui.Host.Remote;

/// <summary>
/// Waits until a fleet host reports a task's agent running: a remote host starts it as soon as the task is made, and whoever made it
/// stays connected until then (a host whose last client leaves with no agent running stops). Asks often at first, then every 200 ms.
/// </summary>
public static class RunningAgentPoll
{
    /// <summary>The agent's pid once it runs, or null after <paramref name="timeout"/>.</summary>
    /// <param name="status">The host's status now (null when it did not answer with one).</param>
    public static async Task<int?> PidAsync(
        Func<CancellationToken, Task<HostStatus?>> status, string task, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        var pause = TimeSpan.FromMilliseconds(20);
        while (DateTime.UtcNow < deadline)
        {
            if ((await status(cancellationToken).ConfigureAwait(false))?.Agents.FirstOrDefault(a => a.Task == task && a.Running) is { } agent)
                return agent.Pid;
            await Task.Delay(pause, cancellationToken).ConfigureAwait(false);
            pause = TimeSpan.FromMilliseconds(Math.Min(200, pause.TotalMilliseconds * 2));
        }
        return null;
    }
}

using FleetTui.Terminal.Pty;
using FleetTui.Host.Panes;

namespace FleetTui.Host.Agents;

/// <summary>
/// Stops an agent politely, then firmly: SIGINT (what Ctrl+C sends; agents save their session on it), SIGTERM after
/// <c>step</c>, SIGKILL after another <c>step</c>. Each signal goes to the agent's process group, so the tools it runs stop too.
/// </summary>
public static class AgentStopper
{
    public static readonly TimeSpan DefaultStep = TimeSpan.FromSeconds(3);

    /// <summary>The signals in the order they are tried.</summary>
    public static IReadOnlyList<int> Escalation { get; } = [UnixSignal.Interrupt, UnixSignal.Terminate, UnixSignal.Kill];

    /// <summary>Completes with the exit status once the agent exited, or null when it was not running or survived SIGKILL's wait.</summary>
    public static async Task<PtyExitStatus?> StopAsync(PaneTerminal terminal, TimeSpan step, CancellationToken cancellationToken = default)
    {
        foreach (var signal in Escalation)
        {
            if (!terminal.IsRunning)
                break;
            terminal.Signal(signal);
            var exited = terminal.WhenExited;
            if (await Task.WhenAny(exited, Task.Delay(step, cancellationToken)).ConfigureAwait(false) == exited)
                break;
        }
        return terminal.ExitStatus;
    }
}

using FleetTui.Host.Panes;

namespace FleetTui.Host.Agents;

/// <summary>
/// After a task's agent was stopped: stops the Codex app-server daemon it started, when that is ours to stop
/// (<see cref="CodexAppServers"/>), and says in the pane, under the exit line, which one still runs and why.
/// Costs one /proc scan for agents that are not Codex.
/// </summary>
public static class CodexDaemonCleanup
{
    public static readonly TimeSpan Grace = TimeSpan.FromSeconds(3);

    public static async Task AfterStopAsync(PaneTerminal terminal, string? run, string? worktree)
    {
        if (worktree is null)
            return;
        var left = await CodexAppServers.StopOursAsync(run, worktree, Grace).ConfigureAwait(false);
        // Only those this task is concerned with: started by it or in its worktree, and still running.
        var ours = left.Where(d => d.Why != CodexAppServers.OtherSession).ToList();
        if (CodexAppServers.Describe(ours) is { } line)
            terminal.Terminal.Feed($"\e[33mfleet: {line}\e[0m\r\n");
    }
}

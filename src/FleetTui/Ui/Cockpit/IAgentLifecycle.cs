using FleetTui.Host.Agents;

namespace FleetTui.Ui.Cockpit;

/// <summary>What the cockpit can do to a task's agent beyond starting it: restart, stop, mark done, read its ticket.</summary>
public interface IAgentLifecycle
{
    /// <summary>Restarts the agent in the same worktree; <paramref name="continueSession"/> adds the preset's continue arguments (no ticket handed over).</summary>
    void RestartAgent(string task, bool continueSession);

    /// <summary>Stops the agent: SIGINT, then SIGTERM, then SIGKILL on timeouts. Its last screen stays with the exit status.</summary>
    void StopAgent(string task);

    /// <summary>The user says the task is done (its phase becomes Done; the agent keeps running until stopped).</summary>
    Task MarkDoneAsync(string task);

    /// <summary>The task's ticket (with the fleet's context) as handed to its agent, or null when it has none.</summary>
    TaskTicket? TicketFor(string task);
}

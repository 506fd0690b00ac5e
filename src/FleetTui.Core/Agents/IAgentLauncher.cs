using FleetTui.Core.Session;

namespace FleetTui.Core.Agents;

/// <summary>
/// The seam between the session and whoever runs agents in terminals (the TUI's PTY side, later a server). The session calls it
/// when a task's worktree becomes ready, and before it removes one; the session itself never touches a PTY. Implementations must
/// return quickly from <see cref="TaskBecameActiveAsync"/> (start the agent in the background) and report its state back with
/// <see cref="SessionCommand.UpdateAgent"/>.
/// </summary>
public interface IAgentLauncher
{
    ValueTask TaskBecameActiveAsync(TaskSnapshot task, CancellationToken cancellationToken);

    /// <summary>
    /// Stops the task's agent and returns once it no longer runs (nothing to do when none runs). The session calls it right before it
    /// removes the task's worktree (a destroy, a cleanup after merge): an agent still running could commit after the session looked at
    /// what removal would lose, or be left working in a deleted folder.
    /// </summary>
    /// <remarks>The default does nothing: a launcher that runs agents must implement it.</remarks>
    ValueTask StopAgentAsync(string task, CancellationToken cancellationToken) => ValueTask.CompletedTask;
}

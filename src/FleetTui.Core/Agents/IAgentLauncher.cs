using FleetTui.Core.Session;

namespace FleetTui.Core.Agents;

/// <summary>
/// The seam between the session and whoever runs agents in terminals (the TUI's PTY side, later a server). The session calls it
/// when a task's worktree becomes ready; the session itself never touches a PTY. Implementations must return quickly (start the
/// agent in the background) and report its state back with <see cref="SessionCommand.UpdateAgent"/>.
/// </summary>
public interface IAgentLauncher
{
    ValueTask TaskBecameActiveAsync(TaskSnapshot task, CancellationToken cancellationToken);
}

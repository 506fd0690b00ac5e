using FleetTui.Host.Agents;
using FleetTui.Host.Merging;
using FleetTui.Host.Panes;
using FleetTui.Core.Session;
using FleetTui.Ui.Merging;
using FleetTui.Ui.Panes;

namespace FleetTui.Ui.Cockpit;

/// <summary>
/// What the cockpit needs from the fleet: snapshots, each task's terminal, and commands. The UI never calls git or the
/// PTY itself, so the session can later move into a background server and this becomes a client over a socket.
/// </summary>
public interface ICockpitSession : IDisposable, IAgentLifecycle
{
    SessionSnapshot Snapshot { get; }

    /// <summary>Raised on any thread when <see cref="Snapshot"/> changed.</summary>
    event Action? SnapshotChanged;

    /// <summary>Raised on any thread when a task got a new terminal (started, restarted).</summary>
    event Action<string>? TerminalStarted;

    /// <summary>The task's terminal, or null while it has none (blocked, pending).</summary>
    PaneTerminal? TerminalFor(string task);

    /// <summary>Starts whatever can start, with panes of these sizes (columns, rows) by task name.</summary>
    void Start(IReadOnlyDictionary<string, (int Columns, int Rows)> sizes);

    void RestartAgent(string task);

    /// <summary>What destroying the task would lose (uncommitted files, unmerged commits), for the confirmation.</summary>
    Task<IReadOnlyList<string>> DescribeLossAsync(string task);

    Task DestroyTaskAsync(string task);

    Task CreateTaskAsync(NewTaskRequest request);

    /// <summary>The merge queue (gates, merges, review, conflict prediction) the merge-order panel drives.</summary>
    IMergeDriver Merges { get; }
}

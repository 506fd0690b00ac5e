using FleetTui.Core.Session;
using FleetTui.Host.Agents;
using FleetTui.Host.Merging;
using FleetTui.Host.Protocol;
using FleetTui.Host.Protocol.Screens;
using FleetTui.Terminal.Input;

namespace FleetTui.Ui.Cockpit;

/// <summary>
/// What the cockpit needs from the fleet host: snapshots, each shown pane's screen (a mirror of the host's emulator),
/// and commands. Every call returns at once: input and views are posted, requests complete later. The UI never touches
/// git, a PTY or an emulator, so a frozen or crashed cockpit costs no agent anything.
/// </summary>
public interface ICockpitSession : IDisposable
{
    SessionSnapshot Snapshot { get; }

    /// <summary>Raised on any thread when <see cref="Snapshot"/> changed.</summary>
    event Action? SnapshotChanged;

    /// <summary>The task's screen as the host sends it to this cockpit, or null while it has none (blocked, pending, not shown yet).</summary>
    PaneMirror? ScreenFor(string task);

    /// <summary>Raised on any thread when a task's screen appeared or went away.</summary>
    event Action<string>? ScreensChanged;

    /// <summary>Raised on any thread when the connection to the host ended, with the reason (the cockpit leaves).</summary>
    event Action<string>? Disconnected;

    /// <summary>This cockpit only watches (<c>fleet attach --read-only</c>): keys never reach the agents.</summary>
    bool ReadOnly { get; }

    /// <summary>The panes shown, their sizes and scroll offsets, and the focused one.</summary>
    void SetView(IReadOnlyList<PaneViewSpec> panes, string? focused);

    void SendKey(string task, KeyInput key);

    void Paste(string task, string text);

    void SendMouse(string task, MouseEvent mouse);

    void SendFocus(string task, bool focused);

    /// <summary>The scroll offset bringing the nearest match above the view's top to it, or null.</summary>
    Task<int?> SearchAsync(string task, string text, int fromOffset);

    /// <summary>
    /// The nearest line containing the text older (or newer) than <paramref name="fromLine"/>, or null. Lines are numbered
    /// from the oldest history line (0) to the screen's last row (history + rows - 1).
    /// </summary>
    Task<int?> FindLineAsync(string task, string text, int fromLine, bool newer);

    /// <summary>The text of lines <paramref name="first"/>..<paramref name="last"/> (numbered as above), wrapped lines joined.</summary>
    Task<IReadOnlyList<string>> PaneLinesAsync(string task, int first, int last);

    /// <summary>The pane's text at this scroll offset, wrapped lines joined (for copying).</summary>
    Task<string> PaneTextAsync(string task, int offset);

    /// <summary>Restarts the agent in the same worktree; <paramref name="continueSession"/> adds the preset's continue arguments.</summary>
    void RestartAgent(string task, bool continueSession);

    /// <summary>SIGINT, then SIGTERM, then SIGKILL on timeouts; the last screen stays with the exit status.</summary>
    void StopAgent(string task);

    /// <summary>Starts, stops or restarts one of a task's services (<paramref name="action"/>: start, stop, restart).</summary>
    Task<CommandResult> ControlServiceAsync(string task, string service, string action);

    Task MarkDoneAsync(string task);

    /// <summary>The task's ticket (with the fleet's context) as handed to its agent, or null when it has none.</summary>
    Task<TaskTicket?> TicketForAsync(string task);

    /// <summary>What destroying the task would lose (files, commits), for the confirmation; faults when it could not be told.</summary>
    Task<Core.Worktrees.WorktreeLoss> DescribeLossAsync(string task);

    /// <summary>Destroys the task if what it would lose is still <paramref name="confirmedLoss"/>; the outcome says why not.</summary>
    Task<CommandResult> DestroyTaskAsync(string task, Core.Worktrees.WorktreeLoss confirmedLoss);

    Task<CommandResult> CreateTaskAsync(NewTaskRequest request);

    /// <summary>Why the task's agent is in its state (source, rule, evidence, transitions), as text; faults with the host's refusal.</summary>
    Task<string> ExplainAsync(string task);

    /// <summary>The task's committed work against its merge base (the host runs git), or null when its branch does not exist.</summary>
    Task<Core.Review.TaskDiffText?> ReadDiffAsync(string task);

    /// <summary>A human's review: comments or a rejection typed into the agent's pane, or an approval (marks it done, merges at once when asked).</summary>
    Task<CommandResult> ReviewAsync(string task, Core.Review.ReviewVerdict verdict, IReadOnlyList<Core.Review.ReviewComment> comments, string? note, bool mergeNow);

    /// <summary>Stops every agent and the host itself (the cockpit then leaves).</summary>
    Task<CommandResult> StopHostAsync();

    /// <summary>
    /// Stops every connected remote host's fleet host and its agents (quit → stop everywhere; one that is down cannot be
    /// reached, and the quit prompt says its agents go on); fails, naming them, when one refused: the others are stopped
    /// all the same. Nothing to do without remote hosts.
    /// </summary>
    Task<CommandResult> StopRemoteHostsAsync() => Task.FromResult(CommandResult.Ok("no remote hosts"));

    /// <summary>The merge queue (gates, merges, review, conflict prediction) the merge-order panel drives.</summary>
    IMergeDriver Merges { get; }

    /// <summary>
    /// Remote hosts (<c>[hosts.&lt;name&gt;]</c>) in sidebar order, each with its connection state and its tasks; empty
    /// without any. A change of state raises <see cref="SnapshotChanged"/>.
    /// </summary>
    IReadOnlyList<Hosts.RemoteHostGroup> RemoteHosts => [];
}

using FleetTui.Core.Agents;
using FleetTui.Core.Session;

namespace FleetTui.Ui.Panes;

/// <summary>Pure: the short words the sidebar and pane titles use for a task's state.</summary>
public static class TaskStateText
{
    public static string Describe(TaskSnapshot task) => task.Phase switch
    {
        TaskPhase.Blocked => task.DependsOn.Count > 0 ? $"blocked on {string.Join(", ", task.DependsOn)}" : "blocked",
        TaskPhase.Pending => task.Note is null ? "pending" : "could not create worktree",
        TaskPhase.SettingUp => "setting up",
        TaskPhase.SetupFailed => "setup failed",
        TaskPhase.Review => "in review",
        TaskPhase.Merged => "merged",
        TaskPhase.Missing => "worktree missing",
        TaskPhase.Done => "done" + GateSuffix(task.Gate),
        _ => SettledReview(task) switch
        {
            Core.Review.ReviewState.ReadyForReview => "ready for review",
            Core.Review.ReviewState.UncommittedChanges => "idle, uncommitted changes",
            _ => Describe(task.Agent),
        } + GateSuffix(task.Gate),
    };

    public static string Describe(AgentState agent) => agent.Activity switch
    {
        AgentActivity.NotStarted => "not started",
        AgentActivity.Starting => "starting",
        AgentActivity.Working => "working",
        AgentActivity.WaitingForInput => "waiting for input",
        AgentActivity.Idle => "idle",
        AgentActivity.Stuck => "stuck",
        AgentActivity.Exited when agent.Signal is { } signal => $"killed by {FleetTui.Terminal.Pty.UnixSignal.Name(signal)}",
        AgentActivity.Exited => $"exited {agent.ExitCode?.ToString() ?? "?"}",
        _ => agent.Activity.ToString(),
    };

    private static string GateSuffix(GateState gate) => gate.Outcome switch
    {
        GateOutcome.Passed => ", gate passed",
        GateOutcome.Failed => ", gate failed",
        GateOutcome.TimedOut => ", gate timed out",
        GateOutcome.Running => ", gate running",
        _ => "",
    };

    /// <summary>
    /// Needs a human: its agent waits for input, is stuck on its model API (rate limit, no credit) or exited (whatever the code: finished or crashed, someone must look),
    /// its setup failed, its worktree could not be created, it is in review, or its work waits for a review (idle, clean, with commits). A task marked done by hand needs nothing more.
    /// </summary>
    public static bool NeedsAttention(TaskSnapshot task) =>
        task.Phase is TaskPhase.SetupFailed or TaskPhase.Review or TaskPhase.Missing
        || (task.Phase == TaskPhase.Pending && task.Note is not null)
        || (task.Phase == TaskPhase.Active && task.Agent.Activity is AgentActivity.WaitingForInput or AgentActivity.Stuck or AgentActivity.Exited)
        || SettledReview(task) == Core.Review.ReviewState.ReadyForReview;

    /// <summary>
    /// Where an idle agent's work stands for review. An exited agent keeps its exit status in the sidebar (a crash must
    /// not read as "ready"); its readiness shows in the merge panel.
    /// </summary>
    public static Core.Review.ReviewState SettledReview(TaskSnapshot task) =>
        task.Agent.Activity == AgentActivity.Idle ? Core.Review.ReviewReadiness.Of(task) : Core.Review.ReviewState.NotSettled;

    /// <summary>
    /// Where a running agent's state came from, for the sidebar ("hook", "signal", "screen", "activity", "process"), marked
    /// "unsure" when the detector's confidence is below one half (output timing alone, or sources that disagree); null when not running.
    /// </summary>
    public static string? Source(AgentState agent) => agent.IsRunning
        ? agent.Source.ToString().ToLowerInvariant() + (agent.Confidence < 0.5 ? " (unsure)" : "")
        : null;
}

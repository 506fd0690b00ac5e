using FleetTui.Core.Agents;
using FleetTui.Core.Session;

namespace FleetTui.Ui.Panes;

/// <summary>Pure: the short words the sidebar and pane titles use for a task's state.</summary>
public static class TaskStateText
{
    public static string Describe(TaskSnapshot task) => task.Phase switch
    {
        TaskPhase.Blocked => task.DependsOn.Count > 0 ? $"blocked on {string.Join(", ", task.DependsOn)}" : "blocked",
        TaskPhase.Pending => "pending",
        TaskPhase.SettingUp => "setting up",
        TaskPhase.SetupFailed => "setup failed",
        TaskPhase.Review => "in review",
        TaskPhase.Merged => "merged",
        TaskPhase.Missing => "worktree missing",
        TaskPhase.Done => "done" + GateSuffix(task.Gate),
        _ => Describe(task.Agent) + GateSuffix(task.Gate),
    };

    public static string Describe(AgentState agent) => agent.Activity switch
    {
        AgentActivity.NotStarted => "not started",
        AgentActivity.Starting => "starting",
        AgentActivity.Working => "working",
        AgentActivity.WaitingForInput => "waiting for input",
        AgentActivity.Idle => "idle",
        AgentActivity.Exited when agent.Signal is { } signal => $"killed by signal {signal}",
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

    /// <summary>Needs a human: waiting for input, exited with an error, setup failed, in review.</summary>
    public static bool NeedsAttention(TaskSnapshot task) =>
        task.Phase is TaskPhase.SetupFailed or TaskPhase.Review or TaskPhase.Missing
        || task.Agent.Activity == AgentActivity.WaitingForInput
        || (task.Agent.Activity == AgentActivity.Exited && task.Agent.ExitCode != 0);
}

namespace FleetTui.Core.Agents;

/// <summary>What a task's agent is doing, and how sure we are.</summary>
public sealed record AgentState(AgentActivity Activity, StateSource Source = StateSource.Process, int? ExitCode = null, int? Signal = null)
{
    public static AgentState NotStarted { get; } = new(AgentActivity.NotStarted);

    public bool IsRunning => Activity is AgentActivity.Starting or AgentActivity.Working or AgentActivity.WaitingForInput or AgentActivity.Idle;
}

public enum AgentActivity { NotStarted, Starting, Working, WaitingForInput, Idle, Exited }

/// <summary>Where a state came from, most reliable first.</summary>
public enum StateSource { Hook, Signal, Screen, Activity, Process }

namespace FleetTui.Core.Agents;

/// <summary>What a task's agent is doing, and how sure we are.</summary>
public sealed record AgentState(AgentActivity Activity, StateSource Source = StateSource.Process, int? ExitCode = null, int? Signal = null)
{
    public static AgentState NotStarted { get; } = new(AgentActivity.NotStarted);

    /// <summary>How sure the detector is, 0..1: the source's reliability, raised when other sources agree and lowered when they disagree.</summary>
    public double Confidence { get; init; } = 1.0;

    /// <summary>The agent reported through a hook (<c>fleet signal done</c>) that it finished its ticket; the activity is then Idle.</summary>
    public bool Done { get; init; }

    public bool IsRunning => Activity is AgentActivity.Starting or AgentActivity.Working or AgentActivity.WaitingForInput or AgentActivity.Idle or AgentActivity.Stuck;
}

/// <summary>
/// <see cref="Starting"/> lasts from launch until the agent first works, asks or settles; <see cref="Stuck"/> is an agent
/// blocked on its model API (a rate limit it waits out, an overloaded API, no credit): it needs a human as much as a question.
/// </summary>
public enum AgentActivity { NotStarted, Starting, Working, WaitingForInput, Idle, Exited, Stuck }

/// <summary>Where a state came from, most reliable first.</summary>
public enum StateSource { Hook, Signal, Screen, Activity, Process }

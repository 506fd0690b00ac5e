namespace FleetTui.Core.Agents;

/// <summary>What <see cref="AgentLaunchPlanner"/> decided: a plan, or a problem to show in the task's pane instead of starting.</summary>
public abstract record AgentLaunchResult
{
    private AgentLaunchResult() { }

    public sealed record Ready(AgentLaunchPlan Plan) : AgentLaunchResult;

    /// <summary><paramref name="Message"/> is complete and ready to show ("command not found: claude (tried PATH=…)").</summary>
    public sealed record Failed(AgentLaunchFailure Reason, string Message) : AgentLaunchResult;
}

public enum AgentLaunchFailure { CommandNotFound, TicketMissing, UnknownAgent, BadTemplate, TicketTooLong }

namespace FleetTui.Core.Agents;

/// <summary>Why an agent was not started (the message says the rest).</summary>
public enum AgentLaunchFailure { CommandNotFound, TicketMissing, UnknownAgent, BadTemplate, TicketTooLong }

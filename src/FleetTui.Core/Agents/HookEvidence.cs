namespace FleetTui.Core.Agents;

/// <summary>The last hook signal a detector took: what it said, the agent's hook event when known, and when.</summary>
public sealed record HookEvidence(DateTimeOffset At, HookSignal Signal, string? Event);

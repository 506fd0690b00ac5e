namespace FleetTui.Core.Agents;

/// <summary>One reported change of state: when, to what, from which source and rule (for <c>fleet explain</c>'s timeline).</summary>
public sealed record AgentStateTransition(DateTimeOffset At, AgentActivity Activity, StateSource Source, string? Rule);

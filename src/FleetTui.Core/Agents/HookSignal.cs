namespace FleetTui.Core.Agents;

/// <summary>What an agent can report with <c>fleet signal</c>.</summary>
public enum HookSignal { Working, Waiting, Idle, Done }

namespace FleetTui.Core.Agents;

/// <summary>
/// What an agent can report with <c>fleet signal</c>. <see cref="Started"/> (a session-start hook) says the agent is up and
/// its hooks work; it changes no state (the agent is still starting until it works, asks or settles).
/// </summary>
public enum HookSignal { Working, Waiting, Idle, Done, Started }

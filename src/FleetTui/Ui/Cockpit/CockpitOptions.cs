namespace FleetTui.Ui.Cockpit;

/// <summary>How <c>fleet</c>, <c>fleet attach</c> and <c>fleet watch</c> differ.</summary>
/// <param name="AttachOnly">Never start a fleet host: attach to the running one or say there is none.</param>
/// <param name="ReadOnly">Show everything, send nothing to the agents, change nothing.</param>
/// <param name="OnExit">Told how the user left (the demo keeps its repository while agents run in it).</param>
public sealed record CockpitOptions(bool AttachOnly = false, bool ReadOnly = false, Action<CockpitExit>? OnExit = null);

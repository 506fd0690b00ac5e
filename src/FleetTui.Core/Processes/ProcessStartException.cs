namespace FleetTui.Core.Processes;

/// <summary>A command could not be started at all (no such directory, no such program).</summary>
public sealed class ProcessStartException(string message) : Exception(message);

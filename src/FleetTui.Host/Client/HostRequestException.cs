namespace FleetTui.Host.Client;

/// <summary>The connection to the host ended before a request was answered.</summary>
public sealed class HostConnectionLostException(string message) : Exception(message);

namespace FleetTui.Host.Client;

/// <summary>The host would not serve this client: another protocol version, or it is stopping.</summary>
public sealed class HostRefusedException(string message) : Exception(message);

namespace FleetTui.Remote;

/// <summary>A remote host could not be used; the message says why and how to fix it.</summary>
public sealed class RemoteHostException(string message) : Exception(message);

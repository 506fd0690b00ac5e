namespace FleetTui.Host.Protocol;

/// <summary>The peer broke the protocol (a malformed or oversized frame): the connection is closed with this reason.</summary>
public sealed class ProtocolException(string message) : Exception(message);

namespace FleetTui.Core.Session;

/// <summary>state.json is unreadable (corrupt, or written by a newer fleet); the message names the file and what to do.</summary>
public sealed class SessionStateException(string message, Exception? inner = null) : Exception(message, inner);

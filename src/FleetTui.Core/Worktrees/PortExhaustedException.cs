namespace FleetTui.Core.Worktrees;

/// <summary>The configured port range has nothing free left.</summary>
public sealed class PortExhaustedException(string message) : Exception(message);

namespace FleetTui.Core.Session;

/// <summary>Where a task was declared: in fleet.toml, or by <c>fleet new</c> (then its definition lives in the state only).</summary>
public enum TaskOrigin { Config, Cli }

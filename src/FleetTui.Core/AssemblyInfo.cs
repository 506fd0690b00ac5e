namespace FleetTui.Core;

/// <summary>Marker for the core assembly: the fleet model with no UI and no PTY.</summary>
public static class CoreAssembly;

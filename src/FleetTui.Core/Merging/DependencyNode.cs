namespace FleetTui.Core.Merging;

/// <summary>A task in the dependency graph and the tasks that must merge before it, in declaration order.</summary>
public sealed record DependencyNode(string Name, IReadOnlyList<string> Prerequisites);

namespace FleetTui.Core.Merging;

/// <summary>An in-flight task branch the conflict probe watches.</summary>
public sealed record ProbeBranch(string Task, string Branch);

namespace FleetTui.Demo;

/// <summary>What an edit changed: the 1-based number of the first changed line, the lines removed and the lines added.</summary>
public sealed record DemoEditOutcome(string Path, int FirstLine, IReadOnlyList<string> Removed, IReadOnlyList<string> Added, bool AlreadyApplied);

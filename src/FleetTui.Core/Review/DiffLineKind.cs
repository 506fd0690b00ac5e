namespace FleetTui.Core.Review;

/// <summary>What a line of a unified diff is.</summary>
public enum DiffLineKind
{
    Context,
    Added,
    Removed,
    /// <summary>"\ No newline at end of file" and the like.</summary>
    Note,
}

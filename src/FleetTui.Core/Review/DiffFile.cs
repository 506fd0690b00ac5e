namespace FleetTui.Core.Review;

/// <summary>One changed file: its path before and after (the same unless renamed), what happened to it, its line counts and hunks.</summary>
public sealed record DiffFile(string OldPath, string NewPath, DiffFileStatus Status, IReadOnlyList<DiffHunk> Hunks)
{
    public string Path => Status == DiffFileStatus.Deleted ? OldPath : NewPath;

    public int Added => Hunks.Sum(h => h.Lines.Count(l => l.Kind == DiffLineKind.Added));

    public int Removed => Hunks.Sum(h => h.Lines.Count(l => l.Kind == DiffLineKind.Removed));

    /// <summary>A binary file: git says only that it differs.</summary>
    public bool Binary { get; init; }
}

public enum DiffFileStatus { Modified, Added, Deleted, Renamed }

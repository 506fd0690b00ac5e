namespace FleetTui.Core.Review;

/// <summary>
/// One row of a diff as a reviewer scrolls it: a file's header, a hunk's header, or a line. The rows of a whole diff
/// are a flat list (<see cref="DiffRows.Of"/>), so a view draws only the rows on screen, however long the diff.
/// </summary>
public readonly record struct DiffRow(DiffRowKind Kind, int File, int Hunk, DiffLine? Line)
{
    /// <summary>The line's number in the new file (the old one for a removed line): what a comment on it refers to.</summary>
    public int? Number => Line is { } line ? line.NewNumber ?? line.OldNumber : null;
}

public enum DiffRowKind { File, Hunk, Line }

namespace FleetTui.Core.Review;

/// <summary>
/// One line of a hunk: its text (without the +/-/space marker) and its number in the old and new file (null where it
/// has none: an added line has no old number). <see cref="Changed"/> marks the character ranges that differ from the
/// line it replaces (intra-line highlighting), empty when the whole line is new or gone.
/// </summary>
public sealed record DiffLine(DiffLineKind Kind, string Text, int? OldNumber, int? NewNumber)
{
    public IReadOnlyList<(int Start, int Length)> Changed { get; init; } = [];
}

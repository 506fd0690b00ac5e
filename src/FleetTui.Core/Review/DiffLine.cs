namespace FleetTui.Core.Review;

/// <summary>
/// One line of a hunk: its text (without the +/-/space marker) and its number in the old and new file (null where it
/// has none: an added line has no old number). <see cref="Changed"/> marks the character ranges that differ from the
/// line it replaces (intra-line highlighting), empty when the whole line is new or gone.
/// </summary>
public sealed record DiffLine(DiffLineKind Kind, string Text, int? OldNumber, int? NewNumber)
{
    private IReadOnlyList<(int Start, int Length)>? _changed;

    /// <summary>
    /// Computed on first read: a view reads it only for the rows it draws, so a diff of 20,000 changed lines opens without
    /// comparing them all word by word.
    /// </summary>
    public IReadOnlyList<(int Start, int Length)> Changed
    {
        get => _changed ??= ChangedSource?.Invoke() ?? [];
        init => _changed = value;
    }

    /// <summary>How <see cref="Changed"/> is computed when first read (set by <see cref="WordHighlighter"/>).</summary>
    internal Func<IReadOnlyList<(int Start, int Length)>>? ChangedSource { get; init; }
}

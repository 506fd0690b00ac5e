namespace FleetTui.Core.Review;

/// <summary>A reviewer's remark on one line of a task's diff (<paramref name="Line"/>: its number in the new file, or the old one for a removed line).</summary>
public sealed record ReviewComment(string File, int Line, string Text)
{
    public override string ToString() => $"{File}:{Line}: {Text}";
}

namespace FleetTui.Core.Merging;

/// <summary>How merge messages list paths and names: the first few, then a count, so a line stays readable.</summary>
internal static class MergeText
{
    public static string List(IReadOnlyList<string> items, int shown = 3) =>
        items.Count <= shown ? string.Join(", ", items) : $"{string.Join(", ", items.Take(shown))} and {items.Count - shown} more";
}

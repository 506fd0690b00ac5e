namespace FleetTui.Core.Review;

/// <summary>
/// Intra-line highlighting: where a run of removed lines is followed by a run of added lines, each pair (first removed
/// with first added, …) is compared word by word, and the words that differ are marked on both, so a one-word change in a
/// long line shows as that word (compared when first drawn: <see cref="DiffLine.Changed"/>). Lines too different to pair well (under a third in common) stay marked as whole lines.
/// </summary>
public static class WordHighlighter
{
    /// <summary>Longer lines are not compared token by token (the cost is quadratic); they show as whole lines.</summary>
    private const int MaxTokens = 400;

    public static IReadOnlyList<DiffLine> Mark(List<DiffLine> lines)
    {
        var index = 0;
        while (index < lines.Count)
        {
            if (lines[index].Kind != DiffLineKind.Removed)
            {
                index++;
                continue;
            }
            var removedStart = index;
            while (index < lines.Count && lines[index].Kind == DiffLineKind.Removed)
                index++;
            var addedStart = index;
            while (index < lines.Count && lines[index].Kind == DiffLineKind.Added)
                index++;
            var pairs = Math.Min(addedStart - removedStart, index - addedStart);
            for (var i = 0; i < pairs; i++)
            {
                // One comparison serves both lines of the pair, made when either is first drawn.
                var removed = lines[removedStart + i];
                var added = lines[addedStart + i];
                var pair = new Lazy<(IReadOnlyList<(int, int)>? Before, IReadOnlyList<(int, int)>? After)>(() => Compare(removed.Text, added.Text));
                lines[removedStart + i] = removed with { ChangedSource = () => pair.Value.Before ?? [] };
                lines[addedStart + i] = added with { ChangedSource = () => pair.Value.After ?? [] };
            }
        }
        return lines;
    }

    /// <summary>The differing ranges of each side, or nulls when the lines share too little to be worth marking word by word.</summary>
    public static (IReadOnlyList<(int, int)>? Before, IReadOnlyList<(int, int)>? After) Compare(string before, string after)
    {
        var a = Tokens(before);
        var b = Tokens(after);
        if (a.Count > MaxTokens || b.Count > MaxTokens)
            return (null, null);
        // Longest common subsequence of tokens, by dynamic programming over suffixes.
        var table = new int[a.Count + 1, b.Count + 1];
        for (var i = a.Count - 1; i >= 0; i--)
            for (var j = b.Count - 1; j >= 0; j--)
                table[i, j] = a[i].Text == b[j].Text ? table[i + 1, j + 1] + 1 : Math.Max(table[i + 1, j], table[i, j + 1]);
        var common = new HashSet<int>();
        var commonAfter = new HashSet<int>();
        int x = 0, y = 0;
        while (x < a.Count && y < b.Count)
        {
            if (a[x].Text == b[y].Text)
            {
                common.Add(x++);
                commonAfter.Add(y++);
            }
            else if (table[x + 1, y] >= table[x, y + 1])
                x++;
            else
                y++;
        }
        var shared = a.Where((t, i) => common.Contains(i) && !string.IsNullOrWhiteSpace(t.Text)).Sum(t => t.Text.Length);
        var total = Math.Max(before.Trim().Length, after.Trim().Length);
        if (total == 0 || shared * 3 < total)
            return (null, null);
        return (Ranges(a, common), Ranges(b, commonAfter));
    }

    private static List<(int, int)> Ranges(List<(int Start, string Text)> tokens, HashSet<int> common)
    {
        var ranges = new List<(int Start, int Length)>();
        for (var i = 0; i < tokens.Count; i++)
        {
            if (common.Contains(i))
                continue;
            var (start, text) = tokens[i];
            if (ranges.Count > 0 && ranges[^1].Start + ranges[^1].Length == start)
                ranges[^1] = (ranges[^1].Start, ranges[^1].Length + text.Length);
            else
                ranges.Add((start, text.Length));
        }
        return ranges;
    }

    /// <summary>Words (letters, digits, underscores), runs of spaces, and single other characters, with their positions.</summary>
    private static List<(int Start, string Text)> Tokens(string line)
    {
        var tokens = new List<(int, string)>();
        var i = 0;
        while (i < line.Length)
        {
            var start = i;
            if (char.IsLetterOrDigit(line[i]) || line[i] == '_')
                while (i < line.Length && (char.IsLetterOrDigit(line[i]) || line[i] == '_'))
                    i++;
            else if (char.IsWhiteSpace(line[i]))
                while (i < line.Length && char.IsWhiteSpace(line[i]))
                    i++;
            else
                i++;
            tokens.Add((start, line[start..i]));
        }
        return tokens;
    }
}

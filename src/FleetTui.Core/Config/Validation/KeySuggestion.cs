namespace FleetTui.Core.Config.Validation;

/// <summary>Finds the known key a misspelled one was probably meant to be ("depend_on" → "depends_on", "frist" → "first").</summary>
public static class KeySuggestion
{
    public static string? Nearest(string key, IEnumerable<string> known)
    {
        var lowered = key.ToLowerInvariant();
        var limit = Math.Max(1, key.Length / 3);
        return known
            .Select(k => (Key: k, Distance: Distance(lowered, k)))
            .Where(c => c.Distance <= limit || IsAbbreviation(lowered, c.Key))
            .OrderBy(c => c.Distance)
            .Select(c => c.Key)
            .FirstOrDefault();
    }

    /// <summary>"continue" for "continue_args": a truncated key is a likely mistake even when many letters are missing.</summary>
    private static bool IsAbbreviation(string key, string known) => key.Length >= 4 && known.StartsWith(key, StringComparison.Ordinal);

    /// <summary>Optimal string alignment distance: Levenshtein where swapping two neighbours costs one edit.</summary>
    internal static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
            d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++)
            d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        }

        return d[a.Length, b.Length];
    }
}

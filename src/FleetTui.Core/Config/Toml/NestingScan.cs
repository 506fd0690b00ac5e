namespace FleetTui.Core.Config.Toml;

/// <summary>
/// Finds where brackets and braces of a TOML text first nest deeper than a limit, skipping strings and comments. Tomlyn refuses
/// such input with an exception that carries no position; this gives the message one.
/// </summary>
internal static class NestingScan
{
    /// <summary>The 0-based offset of the first bracket or brace beyond <paramref name="limit"/> levels, or null.</summary>
    public static int? FirstBeyond(string text, int limit)
    {
        var depth = 0;
        for (var i = 0; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '#':
                    i = EndOfLine(text, i) - 1;
                    break;
                case '"' or '\'':
                    i = EndOfString(text, i) - 1;
                    break;
                case '[' or '{':
                    if (++depth > limit)
                        return i;
                    break;
                case ']' or '}':
                    depth = Math.Max(0, depth - 1);
                    break;
            }
        }

        return null;
    }

    private static int EndOfLine(string text, int from)
    {
        var newline = text.IndexOf('\n', from);
        return newline < 0 ? text.Length : newline;
    }

    /// <summary>The offset just past the string starting at <paramref name="start"/> (basic or literal, one-line or multi-line).</summary>
    private static int EndOfString(string text, int start)
    {
        var quote = text[start];
        var delimiter = string.CompareOrdinal(text, start, new string(quote, 3), 0, 3) == 0 ? new string(quote, 3) : quote.ToString();
        for (var i = start + delimiter.Length; i < text.Length; i++)
        {
            if (quote == '"' && text[i] == '\\')
                i++;
            else if (string.CompareOrdinal(text, i, delimiter, 0, delimiter.Length) == 0)
                return i + delimiter.Length;
            else if (delimiter.Length == 1 && text[i] == '\n')
                return i; // unterminated: Tomlyn reports that itself
        }

        return text.Length;
    }
}

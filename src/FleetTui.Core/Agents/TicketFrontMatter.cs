namespace FleetTui.Core.Agents;

/// <summary>
/// The small front-matter block a ticket may start with, YAML-like and deliberately tiny:
/// <code>
/// ---
/// depends_on: [models, api]     (or one name, or a "- name" list on the following lines)
/// agent: claude
/// ---
/// </code>
/// Other keys are kept in <see cref="Ignored"/> (tickets written for other tools carry titles, labels, …).
/// </summary>
public sealed record TicketFrontMatter
{
    public IReadOnlyList<string> DependsOn { get; init; } = [];

    public string? Agent { get; init; }

    public IReadOnlyList<string> Ignored { get; init; } = [];

    public static TicketFrontMatter None { get; } = new();

    /// <exception cref="FormatException">A malformed block; the message starts with <c>file:line:col</c>.</exception>
    public static TicketFrontMatter Parse(string text, string displayPath)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        if (lines.Length == 0 || lines[0].TrimEnd() != "---")
            return None;
        var end = Array.FindIndex(lines, 1, l => l.TrimEnd() == "---");
        if (end < 0)
            throw new FormatException($"{displayPath}:1:1: the front matter opened here is never closed with '---'");

        var dependsOn = new List<string>();
        string? agent = null;
        var ignored = new List<string>();
        string? listKey = null;
        for (var i = 1; i < end; i++)
        {
            var line = lines[i];
            if (line.Trim().Length == 0 || line.TrimStart().StartsWith('#'))
                continue;
            var trimmed = line.TrimStart();
            if (trimmed.StartsWith("- ", StringComparison.Ordinal) && listKey is not null)
            {
                if (listKey == "depends_on")
                    dependsOn.Add(Unquote(trimmed[2..].Trim()));
                continue;
            }

            var colon = line.IndexOf(':');
            if (colon <= 0)
                throw new FormatException($"{displayPath}:{i + 1}:1: expected 'key: value' in the front matter, got: {line.Trim()}");
            var key = line[..colon].Trim();
            var value = line[(colon + 1)..].Trim();
            listKey = value.Length == 0 ? key : null;
            switch (key)
            {
                case "depends_on":
                    dependsOn.AddRange(List(value, displayPath, i + 1, colon + 2));
                    break;
                case "agent":
                    agent = value.Length == 0
                        ? throw new FormatException($"{displayPath}:{i + 1}:{colon + 2}: 'agent' needs a preset name")
                        : Unquote(value);
                    break;
                default:
                    ignored.Add(key);
                    break;
            }
        }

        return new TicketFrontMatter { DependsOn = dependsOn, Agent = agent, Ignored = ignored };
    }

    /// <summary>The text after the front matter (the ticket itself).</summary>
    public static string Body(string text)
    {
        var normalized = text.Replace("\r\n", "\n", StringComparison.Ordinal);
        if (!normalized.StartsWith("---\n", StringComparison.Ordinal))
            return text;
        var close = normalized.IndexOf("\n---", 3, StringComparison.Ordinal);
        if (close < 0)
            return text;
        var after = normalized.IndexOf('\n', close + 4);
        return after < 0 ? "" : normalized[(after + 1)..];
    }

    private static IEnumerable<string> List(string value, string path, int line, int column)
    {
        if (value.Length == 0)
            return [];
        if (value.StartsWith('['))
        {
            if (!value.EndsWith(']'))
                throw new FormatException($"{path}:{line}:{column}: a list opened with '[' must close with ']' on the same line");
            value = value[1..^1];
        }

        return value.Split(',').Select(v => Unquote(v.Trim())).Where(v => v.Length > 0);
    }

    private static string Unquote(string value) =>
        value.Length >= 2 && (value[0] == '"' || value[0] == '\'') && value[^1] == value[0] ? value[1..^1] : value;
}

using System.Text;

namespace FleetTui.Core.Config.Templates;

/// <summary>
/// Parses templates: <c>{task}</c>, <c>{branch}</c>, <c>{worktree}</c>, <c>{repo}</c>, <c>{db}</c>, <c>{port.&lt;name&gt;}</c>;
/// <c>{{</c> and <c>}}</c> are literal braces. <c>${...}</c> is left as written, so shell parameter expansion in a
/// command (<c>${HOME}</c>) keeps working without escaping.
/// </summary>
public static class TemplateSyntax
{
    public const string PortPrefix = "port.";

    public static readonly IReadOnlyList<string> PlainVariables = ["task", "branch", "worktree", "repo", "db"];

    /// <summary>The list of variables, as messages show it.</summary>
    public static string KnownList => string.Join(", ", PlainVariables.Select(v => $"{{{v}}}")) + ", {port.<name>}";

    /// <exception cref="TemplateSyntaxException">Unknown variable or unbalanced brace.</exception>
    public static IReadOnlyList<TemplatePart> Parse(string template)
    {
        var parts = new List<TemplatePart>();
        var literal = new StringBuilder();
        var i = 0;
        while (i < template.Length)
        {
            var c = template[i];
            if (c == '$' && i + 1 < template.Length && template[i + 1] == '{')
            {
                var end = template.IndexOf('}', i + 2);
                var stop = end < 0 ? template.Length : end + 1;
                literal.Append(template, i, stop - i);
                i = stop;
            }
            else if (c == '{' && i + 1 < template.Length && template[i + 1] == '{')
            {
                literal.Append('{');
                i += 2;
            }
            else if (c == '}' && i + 1 < template.Length && template[i + 1] == '}')
            {
                literal.Append('}');
                i += 2;
            }
            else if (c == '{')
            {
                var end = template.IndexOf('}', i + 1);
                if (end < 0)
                    throw new TemplateSyntaxException("unclosed '{' in template (write '{{' for a literal brace)", template[i..]);
                var source = template[i..(end + 1)];
                var name = template[(i + 1)..end];
                if (!IsKnown(name))
                    throw new TemplateSyntaxException($"unknown template variable '{source}' (known: {KnownList})", source);
                if (literal.Length > 0)
                {
                    parts.Add(new TemplatePart.Literal(literal.ToString()));
                    literal.Clear();
                }

                parts.Add(new TemplatePart.Variable(name, source));
                i = end + 1;
            }
            else if (c == '}')
            {
                throw new TemplateSyntaxException("unmatched '}' in template (write '}}' for a literal brace)", template[i..]);
            }
            else
            {
                literal.Append(c);
                i++;
            }
        }

        if (literal.Length > 0)
            parts.Add(new TemplatePart.Literal(literal.ToString()));
        return parts;
    }

    private static bool IsKnown(string name) =>
        PlainVariables.Contains(name)
        || (name.StartsWith(PortPrefix, StringComparison.Ordinal) && name.Length > PortPrefix.Length);
}

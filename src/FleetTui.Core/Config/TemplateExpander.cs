using System.Text;
using FleetTui.Core.Config.Templates;

namespace FleetTui.Core.Config;

/// <summary>
/// Expands templates for one task. <see cref="Expand"/> is for values that never meet a shell (env values, argv elements);
/// <see cref="ExpandShellQuoted"/> is for a command string run through <c>sh -c</c>: each value is single-quoted, so a
/// branch or path can never inject shell syntax.
/// </summary>
public static class TemplateExpander
{
    public static string Expand(string template, TemplateValues values) => Render(template, values, quote: false);

    public static string ExpandShellQuoted(string template, TemplateValues values) => Render(template, values, quote: true);

    /// <summary>POSIX single quoting: <c>it's</c> → <c>'it'\''s'</c>.</summary>
    public static string ShellQuote(string value) => "'" + value.Replace("'", @"'\''", StringComparison.Ordinal) + "'";

    private static string Render(string template, TemplateValues values, bool quote)
    {
        var output = new StringBuilder(template.Length);
        foreach (var part in TemplateSyntax.Parse(template))
        {
            switch (part)
            {
                case TemplatePart.Literal literal:
                    output.Append(literal.Text);
                    break;
                case TemplatePart.Variable variable:
                    var value = values.ValueOf(variable.Name);
                    output.Append(quote ? ShellQuote(value) : value);
                    break;
            }
        }

        return output.ToString();
    }
}

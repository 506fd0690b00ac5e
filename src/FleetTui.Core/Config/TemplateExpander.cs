using System.Text;
using FleetTui.Core.Config.Templates;

namespace FleetTui.Core.Config;

/// <summary>
/// Expands templates for one task, for values that never meet a shell (env values, argv elements, paths). A command string run
/// through <c>sh -c</c> takes <see cref="Templates.ShellCommandTemplate"/> instead: no value is ever written into a command.
/// </summary>
public static class TemplateExpander
{
    public static string Expand(string template, TemplateValues values)
    {
        var output = new StringBuilder(template.Length);
        foreach (var part in TemplateSyntax.Parse(template))
        {
            output.Append(part switch
            {
                TemplatePart.Literal literal => literal.Text,
                TemplatePart.Variable variable => values.ValueOf(variable.Name),
                _ => "",
            });
        }

        return output.ToString();
    }

    /// <summary>POSIX single quoting: <c>it's</c> → <c>'it'\''s'</c>.</summary>
    public static string ShellQuote(string value) => "'" + value.Replace("'", @"'\''", StringComparison.Ordinal) + "'";
}

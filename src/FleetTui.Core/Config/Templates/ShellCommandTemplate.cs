using System.Text;

namespace FleetTui.Core.Config.Templates;

/// <summary>
/// Expands a template inside a command run through <c>sh -c</c> (<c>[setup] run</c>, <c>gate</c>) without ever putting a value in
/// the command text: each <c>{x}</c> becomes a reference to the environment variable that carries x (<c>{branch}</c> →
/// <c>FLEET_BRANCH</c>, <c>{port.web}</c> → <c>FLEET_PORT_WEB</c>; see <see cref="TemplateValues.ToEnvironment"/>), written for the
/// quotes it sits in: <c>"${FLEET_BRANCH}"</c> in plain words, <c>${FLEET_BRANCH}</c> inside "…", <c>'"${FLEET_BRANCH}"'</c> inside
/// '…'. The shell expands a variable once and never re-reads the result as code, so a branch named <c>$(rm -rf ~)</c> stays text
/// wherever the user put the template (only <c>eval</c> of it would run it, and that is the user's command asking for it).
/// </summary>
public static class ShellCommandTemplate
{
    public static string Expand(string template)
    {
        var output = new StringBuilder(template.Length + 16);
        var scanner = new ShellQuoteScanner();
        foreach (var part in TemplateSyntax.Parse(template))
        {
            switch (part)
            {
                case TemplatePart.Literal literal:
                    scanner.Advance(literal.Text);
                    output.Append(literal.Text);
                    break;
                case TemplatePart.Variable variable:
                    output.Append(Reference(TemplateValues.VariableFor(variable.Name), scanner.Context));
                    break;
            }
        }

        return output.ToString();
    }

    private static string Reference(string variable, ShellQuoteContext context) => context switch
    {
        ShellQuoteContext.DoubleQuoted => $"${{{variable}}}",
        ShellQuoteContext.SingleQuoted => $"'\"${{{variable}}}\"'", // close the single quotes, expand quoted, reopen
        _ => $"\"${{{variable}}}\"", // quoted: no word splitting or globbing of the value
    };
}

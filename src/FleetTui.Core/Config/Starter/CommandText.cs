namespace FleetTui.Core.Config.Starter;

/// <summary>Pieces of the <c>sh -c</c> commands <c>fleet init</c> writes, which are also fleet.toml templates.</summary>
public static class CommandText
{
    /// <summary>
    /// A path as one shell word inside a template: single-quoted when it holds anything but plain characters, and braces
    /// doubled because the template syntax would read <c>{x}</c> as a placeholder.
    /// </summary>
    public static string Argument(string path)
    {
        var word = path.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' or '/' or '+' or ',' or '@' or ':')
            ? path
            : TemplateExpander.ShellQuote(path);
        return word.Replace("{", "{{", StringComparison.Ordinal).Replace("}", "}}", StringComparison.Ordinal);
    }
}

namespace FleetTui.Core.Config.Templates;

/// <summary>A piece of a parsed template: literal text, or a variable such as <c>{task}</c> or <c>{port.web}</c>.</summary>
public abstract record TemplatePart
{
    private TemplatePart() { }

    public sealed record Literal(string Text) : TemplatePart;

    /// <param name="Name">The name between the braces: <c>task</c>, <c>port.web</c>.</param>
    /// <param name="Source">As written, braces included: <c>{port.web}</c>.</param>
    public sealed record Variable(string Name, string Source) : TemplatePart
    {
        /// <summary>The port's name for <c>{port.&lt;name&gt;}</c>, else null.</summary>
        public string? PortName => Name.StartsWith(TemplateSyntax.PortPrefix, StringComparison.Ordinal) ? Name[TemplateSyntax.PortPrefix.Length..] : null;
    }
}

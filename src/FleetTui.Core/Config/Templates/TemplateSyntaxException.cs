namespace FleetTui.Core.Config.Templates;

/// <summary>A template that cannot be parsed; <see cref="Fragment"/> is the offending text, to locate it in the source.</summary>
public sealed class TemplateSyntaxException(string message, string fragment) : Exception(message)
{
    public string Fragment { get; } = fragment;
}

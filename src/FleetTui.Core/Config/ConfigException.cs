namespace FleetTui.Core.Config;

/// <summary>An invalid fleet.toml. <see cref="Exception.Message"/> reads <c>fleet.toml:LINE:COL: message</c>.</summary>
public sealed class ConfigException : Exception
{
    public ConfigException(string file, SourcePosition position, string problem)
        : base($"{file}:{position.Line}:{position.Column}: {problem}")
    {
        File = file;
        Position = position;
        Problem = problem;
    }

    public string File { get; }

    public SourcePosition Position { get; }

    /// <summary>The message without the location prefix.</summary>
    public string Problem { get; }
}

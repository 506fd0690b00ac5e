namespace FleetTui.Cli;

/// <summary>What every verb gets: where to write and where it runs. Tests pass their own writers and directory.</summary>
public sealed record CliContext(TextWriter Out, TextWriter Error, string WorkingDirectory)
{
    /// <summary>Extra environment for every git child the verbs start (tests isolate HOME and GIT_CONFIG_GLOBAL here).</summary>
    public IReadOnlyDictionary<string, string?> GitEnvironment { get; init; } = new Dictionary<string, string?>();

    /// <summary>
    /// The process environment as the verbs see it, changed by these entries (a null value unsets the variable): what
    /// <see cref="Variable"/> reads, and what setup commands and probed programs inherit. Tests put fake programs on PATH
    /// here; the process's own environment is never changed.
    /// </summary>
    public IReadOnlyDictionary<string, string?> Environment { get; init; } = new Dictionary<string, string?>();

    /// <summary>Where a verb reads a confirmation from; null when nobody can answer (stdin is not a terminal), so asking must be refused.</summary>
    public TextReader? Input { get; init; }

    /// <summary>An environment variable as the verbs see it (<see cref="Environment"/> first, then the process's).</summary>
    public string? Variable(string name) =>
        Environment.TryGetValue(name, out var value) ? value : System.Environment.GetEnvironmentVariable(name);
}

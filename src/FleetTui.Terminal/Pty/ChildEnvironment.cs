using System.Collections;

namespace FleetTui.Terminal.Pty;

/// <summary>Builds the exact environment a child gets: the base (ours without the outer terminal's variables, or empty), the terminal defaults, then the caller's overrides.</summary>
internal static class ChildEnvironment
{
    public static Dictionary<string, string> Build(PtySpawnOptions options)
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        if (options.InheritEnvironment)
        {
            foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
            {
                variables[(string)entry.Key] = (string?)entry.Value ?? "";
            }

            foreach (string name in PtySpawnOptions.OuterTerminalVariables)
            {
                variables.Remove(name);
            }
        }

        // Our emulator is xterm-compatible whatever terminal we ourselves run in (tmux, a console).
        foreach ((string name, string value) in PtySpawnOptions.TerminalDefaults)
        {
            variables[name] = value;
        }

        foreach ((string name, string? value) in options.Environment)
        {
            if (name.Length == 0 || name.Contains('=') || name.Contains('\0'))
            {
                throw new ArgumentException($"Invalid environment variable name '{name}' for '{options.Arguments[0]}'");
            }

            if (value is null)
            {
                variables.Remove(name);
            }
            else
            {
                variables[name] = value;
            }
        }

        return variables;
    }

    /// <summary>The environment without the terminal defaults: for a program that runs on no terminal of ours.</summary>
    public static Dictionary<string, string> BuildPlain(PtySpawnOptions options)
    {
        var variables = Build(options);
        foreach ((string name, _) in PtySpawnOptions.TerminalDefaults)
        {
            if (Environment.GetEnvironmentVariable(name) is { } outer && options.InheritEnvironment)
                variables[name] = outer;
            else
                variables.Remove(name);
        }
        return variables;
    }

    public static List<string> ToEnvp(Dictionary<string, string> variables) =>
        variables.Select(pair => $"{pair.Key}={pair.Value}").ToList();
}

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

    public static List<string> ToEnvp(Dictionary<string, string> variables) =>
        variables.Select(pair => $"{pair.Key}={pair.Value}").ToList();
}

namespace FleetTui.Cli.Doctor.Checks;

/// <summary>How each known coding agent is installed (its vendor's documented way), for the fix line of a missing one.</summary>
public static class AgentInstallHints
{
    private static readonly Dictionary<string, string> Hints = new(StringComparer.Ordinal)
    {
        ["claude"] = "npm install -g @anthropic-ai/claude-code",
        ["codex"] = "npm install -g @openai/codex",
        ["gemini"] = "npm install -g @google/gemini-cli",
        ["aider"] = "python -m pip install aider-install && aider-install",
    };

    /// <summary>The known agent programs: the only ones doctor asks for <c>--version</c> (another program might not take it).</summary>
    public static IReadOnlyCollection<string> KnownPrograms => Hints.Keys;

    public static string For(string program) =>
        Hints.TryGetValue(Path.GetFileName(program), out var hint) ? hint : $"install {program}, or put the folder holding it on PATH";
}

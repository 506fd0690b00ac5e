using FleetTui.Core.Agents;

namespace FleetTui.Core.Config.Starter;

/// <summary>The agent <c>fleet init</c> writes: the first coding agent installed, else a shell (which every machine has).</summary>
public static class StarterAgent
{
    /// <summary>In order of preference; each is also the name of its preset.</summary>
    public static IReadOnlyList<string> Candidates { get; } = ["claude", "codex", "gemini", "aider"];

    /// <summary>The first candidate found on <paramref name="pathVariable"/>, or <c>shell</c>.</summary>
    public static string Choose(string? pathVariable, string workingDirectory) =>
        Candidates.FirstOrDefault(name => CommandLocator.Resolve(name, pathVariable, workingDirectory) is not null) ?? AgentPresets.Shell.Name;
}

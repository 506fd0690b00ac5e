using FleetTui.Core.Config;

namespace FleetTui.Core.Agents;

/// <summary>
/// The shell command line every agent hook runs: <c>fleet signal &lt;state&gt; --task &lt;task&gt; [--event &lt;event&gt;]</c>,
/// each argv element shell-quoted (agents run hooks through a shell). The launch id travels in the environment
/// (<see cref="AgentSignal.RunVariable"/>), which hooks inherit from their agent.
/// </summary>
public static class HookCommand
{
    public static string Line(IReadOnlyList<string> fleetArgv, HookSignal signal, string task, string? hookEvent = null) =>
        string.Join(' ', fleetArgv.Select(TemplateExpander.ShellQuote))
        + $" signal {signal.ToString().ToLowerInvariant()} --task {TemplateExpander.ShellQuote(task)}"
        + (hookEvent is null ? "" : $" --event {TemplateExpander.ShellQuote(hookEvent)}");

    /// <summary>The same as an argv (for agents that take a command as an array, like Codex's <c>notify</c>).</summary>
    public static IReadOnlyList<string> Argv(IReadOnlyList<string> fleetArgv, HookSignal signal, string task, string? hookEvent = null) =>
        [.. fleetArgv, "signal", signal.ToString().ToLowerInvariant(), "--task", task, .. hookEvent is null ? Array.Empty<string>() : ["--event", hookEvent]];
}

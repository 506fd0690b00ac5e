using FleetTui.Core.Config;

namespace FleetTui.Core.Agents;

/// <summary>
/// Everything needed to start a task's agent, as data: the UI (or the session) spawns <see cref="Executable"/> with
/// <see cref="Argv"/> in <see cref="WorkingDirectory"/>, adds <see cref="Environment"/> to the inherited environment,
/// writes <see cref="Files"/> first, and types <see cref="StdinText"/> once the agent shows its prompt.
/// </summary>
public sealed record AgentLaunchPlan
{
    public required string Task { get; init; }

    /// <summary>The preset's name, or null for a task's own argv.</summary>
    public string? Preset { get; init; }

    /// <summary>argv as written (templates expanded, $SHELL resolved); argv[0] is what the user named.</summary>
    public required IReadOnlyList<string> Argv { get; init; }

    /// <summary>argv[0] resolved on PATH (or as a path): what to spawn.</summary>
    public required string Executable { get; init; }

    /// <summary>Variables to set on top of the inherited environment.</summary>
    public required IReadOnlyDictionary<string, string> Environment { get; init; }

    /// <summary>The task's worktree.</summary>
    public required string WorkingDirectory { get; init; }

    public TicketHandover Handover { get; init; }

    /// <summary>The text handed over (context, then ticket or prompt), or null when the task has none.</summary>
    public string? TicketText { get; init; }

    /// <summary>
    /// For <see cref="TicketHandover.Stdin"/>: the text to type after start. Send it as a bracketed paste when the agent
    /// enabled bracketed paste (a newline would otherwise submit each line), then <see cref="StdinSubmit"/>.
    /// </summary>
    public string? StdinText { get; init; }

    public string StdinSubmit { get; init; } = "\r";

    /// <summary>Files to write in the worktree before start (the ticket for <see cref="TicketHandover.File"/>), absolute path → text.</summary>
    public IReadOnlyDictionary<string, string> Files { get; init; } = new Dictionary<string, string>();

    /// <summary>Patterns to add to the worktree's info/exclude so <see cref="Files"/> never show up as changes.</summary>
    public IReadOnlyList<string> ExcludePatterns { get; init; } = [];

    /// <summary>True when this is a restart that continues the previous conversation (<see cref="AgentConfig.ContinueArgs"/> appended, no ticket).</summary>
    public bool Continues { get; init; }

    /// <summary>The state hints for this agent's detector.</summary>
    public AgentStateHints Hints { get; init; } = AgentStatePatterns.Generic;
}

using FleetTui.Core.Config;

namespace FleetTui.Core.Agents;

/// <summary>What <see cref="AgentLaunchPlanner"/> needs to plan one start of a task's agent.</summary>
public sealed record AgentLaunchRequest
{
    public required FleetConfig Config { get; init; }

    public required TaskConfig Task { get; init; }

    /// <summary>The task's template values (its worktree, branch, ports, and the repo root tickets are relative to).</summary>
    public required TemplateValues Values { get; init; }

    /// <summary>The user's $SHELL, for the <c>shell</c> preset.</summary>
    public string? UserShell { get; init; }

    /// <summary>The PATH the agent would inherit (used to find the command unless the fleet, agent or task env sets PATH).</summary>
    public string? InheritedPath { get; init; }

    /// <summary>A restart that continues the previous conversation: append the preset's ContinueArgs and hand over no ticket.</summary>
    public bool Continue { get; init; }

    /// <summary>Reads the current process's $SHELL and $PATH.</summary>
    public static AgentLaunchRequest FromEnvironment(FleetConfig config, TaskConfig task, TemplateValues values, bool continueSession = false) => new()
    {
        Config = config,
        Task = task,
        Values = values,
        UserShell = System.Environment.GetEnvironmentVariable("SHELL"),
        InheritedPath = System.Environment.GetEnvironmentVariable("PATH"),
        Continue = continueSession,
    };
}

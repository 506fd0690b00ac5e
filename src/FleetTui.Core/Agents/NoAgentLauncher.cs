using FleetTui.Core.Session;

namespace FleetTui.Core.Agents;

/// <summary>The headless default: nothing runs agents (CLI verbs, tests).</summary>
public sealed class NoAgentLauncher : IAgentLauncher
{
    public static NoAgentLauncher Instance { get; } = new();

    public ValueTask TaskBecameActiveAsync(TaskSnapshot task, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public ValueTask StopAgentAsync(string task, CancellationToken cancellationToken) => ValueTask.CompletedTask;
}

using FleetTui.Core.Config;

namespace FleetTui.Host.Remote;

/// <summary>
/// What a remote host can take of a task this fleet.toml declares: its branch, a base that is a branch (stacking on
/// another task is this side's plan), a preset agent, its ports. Dependencies stay here: they order the merges here.
/// </summary>
public sealed record RemoteTaskDeclaration(string Name, string Branch, string? Base, string? Agent, IReadOnlyList<string>? Ports)
{
    public static RemoteTaskDeclaration Of(TaskConfig task, FleetConfig config) => new(
        task.Name,
        task.Branch,
        task.Base is { } named && config.FindTask(named) is null ? named : null,
        (task.Agent as AgentRef.PresetRef)?.Name,
        task.Ports.Count > 0 ? task.Ports : null);
}

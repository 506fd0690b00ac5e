using FleetTui.Core.Config;

namespace FleetTui.Host.Remote;

/// <summary>
/// What a remote host can take of a task this fleet.toml declares: its branch, a base that is a branch (stacking on
/// another task is this side's plan), a preset agent, its ports. Dependencies stay here: they order the merges here,
/// and a task that has some starts from this machine's base as it is now, given to that host's clone
/// (<see cref="RemoteBasePusher"/>). Shared by <c>fleet new</c>, the cockpit's new-task form and the merge run.
/// </summary>
public sealed record RemoteTaskDeclaration(string Name, string Branch, string? Base, string? Agent, IReadOnlyList<string>? Ports)
{
    public static RemoteTaskDeclaration Of(TaskConfig task, FleetConfig config) => new(
        task.Name,
        task.Branch,
        task.Base is { } named && config.FindTask(named) is null ? named : null,
        (task.Agent as AgentRef.PresetRef)?.Name,
        task.Ports.Count > 0 ? task.Ports : null);

    /// <summary>
    /// The declaration to send: as declared, or, for a task with dependencies and no base of its own, based on
    /// <paramref name="baseBranch"/> pushed to the host's clone first.
    /// </summary>
    /// <exception cref="RemoteHostException">git could not push to the host (git's message).</exception>
    public static async Task<RemoteTaskDeclaration> PrepareAsync(
        TaskConfig task, FleetConfig config, string localRoot, string baseBranch, RemoteBasePusher pusher, CancellationToken cancellationToken)
    {
        var declaration = Of(task, config);
        if (declaration.Base is not null || task.DependsOn.Count == 0 || task.Host is not { } hostName)
            return declaration;
        var pushed = await pusher.PushAsync(localRoot, config.Hosts[hostName], baseBranch, cancellationToken).ConfigureAwait(false);
        return declaration with { Base = pushed };
    }
}

using FleetTui.Core.Session;

namespace FleetTui.Core.Merging;

/// <summary>
/// The fleet's tasks on other machines (<c>[hosts.&lt;name&gt;]</c>) as a merge run meets them: merged into this base after
/// the local tasks, by the same queue and rules, and dependents declared on a remote host started there from the integrated
/// base. Core speaks no ssh: the fleet host implements this (<c>FleetTui.Host.Remote.RemoteMergePass</c>), for the cockpit's
/// merges and the CLI's alike.
/// </summary>
public interface IRemoteMergeWork
{
    /// <summary>
    /// Merges the remote tasks <paramref name="only"/> names (<c>task@host</c>, or a name fleet.toml declares on a host), or
    /// every ready one when null, in dependency order; <paramref name="mergedHere"/> are the local tasks this run just merged.
    /// The caller holds the merge lock.
    /// </summary>
    Task<IReadOnlyList<MergeStep>> MergeAsync(
        IReadOnlySet<string>? only, IReadOnlyCollection<string> mergedHere, Action<MergeStep> report, CancellationToken cancellationToken);

    /// <summary>Starts <paramref name="task"/>, which fleet.toml declares on a remote host, there from this machine's base as it is now.</summary>
    Task<CommandResult> StartDependentAsync(string task, CancellationToken cancellationToken);
}

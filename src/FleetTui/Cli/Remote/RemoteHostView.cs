using FleetTui.Core.Config;
using FleetTui.Core.Session;
using FleetTui.Host.Protocol;

namespace FleetTui.Cli.Remote;

/// <summary>One configured remote host as a verb saw it: its tasks and host status when it answered, else why not.</summary>
public sealed record RemoteHostView(RemoteHostConfig Host, SessionSnapshot? Snapshot, HostStatus? Status, string? Error)
{
    /// <summary>The tasks that exist on that host (a task its fleet.toml only declares, never created there, is not one).</summary>
    public IReadOnlyList<TaskSnapshot> Tasks =>
        Snapshot?.Tasks.Where(t => !(t.Origin == TaskOrigin.Config && t.Phase is TaskPhase.Pending or TaskPhase.Blocked)).ToList() ?? [];
}

using FleetTui.Core.Config;
using FleetTui.Core.Session;

namespace FleetTui.Host.Protocol;

/// <summary>
/// A <see cref="SessionSnapshot"/> on the wire, without its configuration: that travels once in
/// <see cref="HostMessage.Config"/> (it changes only on a reload), not with every agent state change.
/// </summary>
public sealed record SnapshotBody(
    long Version, string RepoRoot, string BaseBranch, IReadOnlyList<TaskSnapshot> Tasks, IReadOnlyList<string> RecoveryNotes, string StatePath)
{
    public static SnapshotBody From(SessionSnapshot snapshot) =>
        new(snapshot.Version, snapshot.RepoRoot, snapshot.BaseBranch, snapshot.Tasks, snapshot.RecoveryNotes, snapshot.StatePath);

    public SessionSnapshot ToSnapshot(FleetConfig config) => new()
    {
        Version = Version,
        RepoRoot = RepoRoot,
        BaseBranch = BaseBranch,
        Config = config,
        Tasks = Tasks,
        RecoveryNotes = RecoveryNotes,
        StatePath = StatePath,
    };
}

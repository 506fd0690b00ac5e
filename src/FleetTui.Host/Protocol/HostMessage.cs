using System.Text.Json.Serialization;
using FleetTui.Core.Config;
using FleetTui.Host.Merging;

namespace FleetTui.Host.Protocol;

/// <summary>What the host sends a client besides screen updates. A closed hierarchy.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(Welcome), "welcome")]
[JsonDerivedType(typeof(Refused), "refused")]
[JsonDerivedType(typeof(Config), "config")]
[JsonDerivedType(typeof(Snapshot), "snapshot")]
[JsonDerivedType(typeof(Activity), "activity")]
[JsonDerivedType(typeof(Reply), "reply")]
[JsonDerivedType(typeof(Progress), "progress")]
[JsonDerivedType(typeof(Closing), "closing")]
public abstract record HostMessage
{
    private protected HostMessage() { }

    public sealed record Welcome(int Version, int HostPid, string RepoRoot, DateTimeOffset StartedAt) : HostMessage;

    /// <summary>The host will not serve this client (another protocol version, another user); the connection closes.</summary>
    public sealed record Refused(int Version, string Reason) : HostMessage;

    /// <summary>The fleet's configuration, sent on attach and whenever it is reloaded.</summary>
    public sealed record Config(FleetConfig Fleet) : HostMessage;

    /// <summary>The latest session snapshot. Coalesced: a client that fell behind gets the newest, never a backlog.</summary>
    public sealed record Snapshot(SnapshotBody Body) : HostMessage;

    /// <summary>The merge queue's activity (running, per-task progress, predicted conflicts). Coalesced like snapshots.</summary>
    public sealed record Activity(MergeActivity Merges) : HostMessage;

    public sealed record Reply(long Id, bool Ok, string Message, IReadOnlyList<string>? Details = null, ReplyData? Data = null) : HostMessage;

    /// <summary>A step of a long request (a merge run's steps), before its reply.</summary>
    public sealed record Progress(long Id, string Message) : HostMessage;

    /// <summary>The host is closing this connection (stopping, or the client broke the protocol).</summary>
    public sealed record Closing(string Reason) : HostMessage;
}

using FleetTui.Core.Worktrees;

namespace FleetTui.Core.Session;

/// <summary>What changed, published after the snapshot of <see cref="Version"/> is current. A closed hierarchy.</summary>
public abstract record SessionEvent(long Version)
{
    public sealed record TaskCreated(long Version, string Name, string WorktreePath) : SessionEvent(Version);

    public sealed record TaskDestroyed(long Version, string Name, bool BranchDeleted) : SessionEvent(Version);

    public sealed record PhaseChanged(long Version, string Name, TaskPhase? Old, TaskPhase New, string? Note) : SessionEvent(Version);

    public sealed record StatusChanged(long Version, string Name, BranchStatus Status) : SessionEvent(Version);

    public sealed record SetupFinished(long Version, string Name, bool Succeeded, string? LogPath, string? Failure) : SessionEvent(Version);

    /// <summary>What opening the session found and repaired (worktrees deleted by hand, branches moved…).</summary>
    public sealed record Recovered(long Version, IReadOnlyList<string> Notes) : SessionEvent(Version);

    public sealed record Pruned(long Version, IReadOnlyList<string> Report) : SessionEvent(Version);

    public sealed record Error(long Version, string? Name, string Message) : SessionEvent(Version);

    /// <summary>fleet.toml was read again.</summary>
    public sealed record ConfigReloaded(long Version) : SessionEvent(Version);

    /// <summary>Something about the task changed other than its phase (gate, review paths, scope acceptance, note).</summary>
    public sealed record TaskChanged(long Version, string Name) : SessionEvent(Version);

    /// <summary>What the task's agent is doing changed (runtime only).</summary>
    public sealed record AgentChanged(long Version, string Name, Agents.AgentState State) : SessionEvent(Version);
}

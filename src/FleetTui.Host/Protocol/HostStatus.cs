namespace FleetTui.Host.Protocol;

/// <summary>What <c>fleet host status</c> shows.</summary>
public sealed record HostStatus(
    int Pid, DateTimeOffset StartedAt, string RepoRoot, string SocketPath, int Clients, IReadOnlyList<HostAgentStatus> Agents, int ProtocolVersion);

/// <summary>One task's agent process as the host runs it.</summary>
public sealed record HostAgentStatus(string Task, int? Pid, bool Running, string State);

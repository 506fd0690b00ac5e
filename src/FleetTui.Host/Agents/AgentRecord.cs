namespace FleetTui.Host.Agents;

/// <summary>
/// One task's last agent launch, as the host that made it wrote it down: enough for a later host to find the process if it
/// outlived its host (pid and start time), and to know the task had an agent (so it continues that session).
/// </summary>
public sealed record AgentRecord(string Task, int Pid, long StartTicks, string Run, DateTimeOffset LaunchedAt, int HostPid);

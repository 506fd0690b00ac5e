namespace FleetTui.Core.Processes;

/// <summary>A process that left its run's process group (setsid) and still runs after the group was killed.</summary>
public sealed record EscapedProcess(int Pid, string Command);

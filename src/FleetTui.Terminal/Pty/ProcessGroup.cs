namespace FleetTui.Terminal.Pty;

/// <summary>Signals to a whole process group (an agent and every tool it started share the group it leads).</summary>
public static class ProcessGroup
{
    /// <summary>Sends <paramref name="signal"/> to every process of the group led by <paramref name="leader"/>; false when there is none.</summary>
    public static bool Signal(int leader, int signal) => leader > 1 && Libc.kill(-leader, signal) == 0;

    /// <summary>
    /// Stops a group politely, then firmly: SIGHUP (what a closed terminal sends), SIGTERM, SIGKILL, each after
    /// <paramref name="step"/> while the leader still runs. True when the leader is gone at the end.
    /// </summary>
    public static async Task<bool> StopAsync(ProcessIdentity leader, TimeSpan step, CancellationToken cancellationToken = default)
    {
        foreach (var signal in (int[])[UnixSignal.Hangup, UnixSignal.Terminate, UnixSignal.Kill])
        {
            if (!leader.IsAlive)
                return true;
            Signal(leader.Pid, signal);
            var deadline = DateTime.UtcNow + step;
            while (leader.IsAlive && DateTime.UtcNow < deadline)
                await Task.Delay(20, cancellationToken).ConfigureAwait(false);
        }
        return !leader.IsAlive;
    }
}

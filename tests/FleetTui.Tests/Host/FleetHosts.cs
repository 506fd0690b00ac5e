using FleetTui.Host.Protocol;

namespace FleetTui.Tests.Host;

/// <summary>
/// Test clean-up for detached fleet hosts: a host outlives the cockpit that started it (that is its point), so a test
/// that started one stops it, through the info files hosts leave in their folder.
/// </summary>
internal static class FleetHosts
{
    /// <summary>SIGTERM to every host of <paramref name="folder"/> (each stops its agents), then SIGKILL to any still there after 10 s.</summary>
    public static void StopAll(string folder)
    {
        if (!Directory.Exists(folder))
            return;
        var pids = Directory.EnumerateFiles(folder, "*.json").Select(HostInfo.Read).OfType<HostInfo>().Select(i => i.Pid).ToList();
        foreach (var pid in pids)
            Signal(pid, "TERM");
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (pids.Any(IsAlive) && DateTime.UtcNow < deadline)
            Thread.Sleep(20);
        foreach (var pid in pids.Where(IsAlive))
            Signal(pid, "KILL");
    }

    /// <summary>Runs and is no zombie; a process that ends between two reads of /proc counts as gone.</summary>
    public static bool IsAlive(int pid) => FleetTui.Terminal.Pty.ProcessIdentity.Of(pid) is not null;

    private static void Signal(int pid, string signal)
    {
        using var kill = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("kill") { ArgumentList = { $"-{signal}", $"{pid}" }, RedirectStandardError = true });
        kill?.WaitForExit();
    }
}

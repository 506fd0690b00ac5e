using FleetTui.Terminal.Pty;
using Shouldly;
using Xunit;

namespace FleetTui.Terminal.Tests.Pty;

public class PtyIoThreadPriorityTests
{
    [Fact]
    public void The_io_thread_of_a_child_runs_nicer_than_the_ui_so_a_flooding_pane_cannot_starve_it()
    {
        using var child = RecordedChild.Start(new PtySpawnOptions("sleep", "30"));
        var name = $"pty-io {child.Process.ProcessId}";

        // comm is cut to 15 bytes by the kernel; the thread may need a moment to name itself and renice.
        string? stat = null;
        Eventually.Until(() => (stat = ThreadStat(name[..Math.Min(15, name.Length)])) is { } s && Nice(s) >= UnixPtyProcess.IoThreadNice,
            () => $"no reniced thread named '{name}' (stat: {stat ?? "none"})");

        // IoThreadNice, or more when the whole test run is already that nice (an unprivileged thread cannot lower its nice value).
        Nice(stat!).ShouldBeGreaterThanOrEqualTo(UnixPtyProcess.IoThreadNice);
        Nice(File.ReadAllText("/proc/self/stat")).ShouldBeLessThan(Nice(stat!) + 1);
    }

    private static string? ThreadStat(string comm) =>
        Directory.GetDirectories("/proc/self/task")
            .Where(task => ReadOrEmpty(Path.Combine(task, "comm")).Trim() == comm)
            .Select(task => ReadOrEmpty(Path.Combine(task, "stat")))
            .FirstOrDefault();

    // Field 19 of /proc/<pid>/task/<tid>/stat, counted after the parenthesised comm (which may contain spaces).
    private static int Nice(string stat) => int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[16], System.Globalization.CultureInfo.InvariantCulture);

    private static string ReadOrEmpty(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (IOException)
        {
            return "";
        }
    }
}

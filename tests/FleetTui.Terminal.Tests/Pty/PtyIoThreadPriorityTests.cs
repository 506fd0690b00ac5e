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

    [Fact]
    public void A_foreground_terminal_is_served_at_the_callers_priority_and_a_background_one_at_the_lower_one_again()
    {
        using var child = RecordedChild.Start(new PtySpawnOptions("sleep", "30"));
        var comm = $"pty-io {child.Process.ProcessId}";
        comm = comm[..Math.Min(15, comm.Length)];
        var callerNice = Nice(File.ReadAllText($"/proc/self/task/{Gettid()}/stat"));
        Eventually.Until(() => IoThreadNices(comm) is [>= UnixPtyProcess.IoThreadNice], () => $"background: nices {string.Join(",", IoThreadNices(comm))}");

        // Twice: the second hand-over starts from a thread that was itself handed the loop.
        for (var round = 0; round < 2; round++)
        {
            child.Process.Foreground = true;
            Eventually.Until(() => IoThreadNices(comm) is [var nice] && nice == callerNice,
                () => $"round {round}, foreground: nices {string.Join(",", IoThreadNices(comm))}, caller {callerNice}");
            child.Process.Foreground = false;
            Eventually.Until(() => IoThreadNices(comm) is [>= UnixPtyProcess.IoThreadNice],
                () => $"round {round}, background again: nices {string.Join(",", IoThreadNices(comm))}");
        }
    }

    [Fact]
    public void Output_keeps_its_order_and_nothing_is_lost_while_the_loop_moves_between_threads()
    {
        using var child = RecordedChild.Start(new PtySpawnOptions("seq", "1", "200000"));
        var toggles = 0;
        while (!child.Process.Exited.IsCompleted && toggles < 100_000)
        {
            child.Process.Foreground = toggles++ % 2 == 0;
            Thread.Yield();
        }

        var lines = child.WaitForAllOutput().Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(200_000);
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i] != (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture))
                throw new ShouldAssertException($"line {i + 1} is '{lines[i]}' (after {toggles} foreground changes)");
        }

        toggles.ShouldBeGreaterThan(2, "the loop was handed over while the output flowed");
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "gettid")]
    private static extern int Gettid();

    private static int[] IoThreadNices(string comm) =>
        Directory.GetDirectories("/proc/self/task")
            .Where(task => ReadOrEmpty(Path.Combine(task, "comm")).Trim() == comm)
            .Select(task => ReadOrEmpty(Path.Combine(task, "stat")))
            .Where(stat => stat.Length > 0)
            .Select(Nice)
            .ToArray();

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

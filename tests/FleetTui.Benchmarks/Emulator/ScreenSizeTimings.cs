using System.Diagnostics;
using System.Globalization;
using FleetTui.Terminal.Emulation;
using FleetTui.Terminal.Screen;

namespace FleetTui.Benchmarks.Emulator;

/// <summary>
/// <c>screen-size [COLUMNS] [ROWS] [MEGABYTES] [no-resize]</c> (defaults 1000 1000 4.3; no-resize: the stream alone): issue 17's goal 6, the cost of screen size.
/// Stopwatch mode: one pass costs seconds to minutes before the fix, more than BenchmarkDotNet's iterations allow.
/// <list type="bullet">
/// <item>Resize storm: the stream of <see cref="ScreenSizeStreams"/> in blocks of 4 KiB at COLUMNS x ROWS, the terminal
/// resized between blocks (alternately a few cells smaller and back, as a window being dragged), history filled first.
/// Goal: 4.3 MB at 1000x1000 in under 5 s.</item>
/// <item>Huge screen: the largest size <c>fleet replay</c> accepts (4096x4096), 1 MB of ordinary text lines and the same
/// region sequences: time, bytes allocated and the process's peak RSS should follow what is drawn, not the screen's area.</item>
/// </list>
/// Run: <c>dotnet run -c Release --project tests/FleetTui.Benchmarks -- screen-size</c>.
/// </summary>
public static class ScreenSizeTimings
{
    public const string Verb = "screen-size";

    public static void Run(string[] args)
    {
        var columns = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1000;
        var rows = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1000;
        var megabytes = args.Length > 2 ? double.Parse(args[2], CultureInfo.InvariantCulture) : 4.3;
        var resizing = args.Length <= 3 || args[3] != "no-resize";
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, load average {File.ReadAllText("/proc/loadavg").Trim()}");
        ResizeStorm(columns, rows, megabytes, resizing);
        HugeScreen(4096, 4096, 1.0);
        Console.WriteLine($"peak RSS (VmHWM) {PeakRssMegabytes():0} MB");
    }

    private static void ResizeStorm(int columns, int rows, double megabytes, bool resizing)
    {
        var blocks = ScreenSizeStreams.ResizeStormBlocks((int)(megabytes * 1024 * 1024), 4096, rows);
        var terminal = new VirtualTerminal(columns, rows);
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        long bytes = 0;
        var resizeClock = new Stopwatch();
        long resizeAllocated = 0;
        for (var i = 0; i < blocks.Count; i++)
        {
            if (i > 0 && resizing)
            {
                var allocated = GC.GetAllocatedBytesForCurrentThread();
                resizeClock.Start();
                terminal.Resize(i % 2 == 1 ? columns - 3 : columns, i % 2 == 1 ? rows - 2 : rows);
                resizeClock.Stop();
                resizeAllocated += GC.GetAllocatedBytesForCurrentThread() - allocated;
            }

            terminal.Feed(blocks[i]);
            bytes += blocks[i].Length;
        }

        clock.Stop();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  of which resizes: {resizeClock.Elapsed.TotalMilliseconds:0} ms, allocated {resizeAllocated / 1048576.0:0.0} MB"));
        Report($"resize storm {columns}x{rows}, {(resizing ? blocks.Count - 1 : 0)} resizes", bytes, clock.Elapsed, GC.GetAllocatedBytesForCurrentThread() - allocatedBefore);
        Console.WriteLine($"  (goal: 4.3 MB at 1000x1000 < 5 s; history {terminal.Screen.Scrollback.Count} lines)");
    }

    private static void HugeScreen(int columns, int rows, double megabytes)
    {
        var blocks = ScreenSizeStreams.ResizeStormBlocks((int)(megabytes * 1024 * 1024), 64 * 1024, 50);
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        var terminal = new VirtualTerminal(columns, rows);
        long bytes = 0;
        foreach (var block in blocks)
        {
            terminal.Feed(block);
            bytes += block.Length;
        }

        // What `fleet replay` prints: every row as plain text.
        var text = new System.Text.StringBuilder();
        for (var row = 0; row < terminal.Screen.Rows; row++)
            LineText.AppendPlain(text.Append('\n'), terminal.Screen, terminal.Screen.GetLine(row));
        clock.Stop();
        Report($"huge screen {columns}x{rows} (+ render)", bytes, clock.Elapsed, GC.GetAllocatedBytesForCurrentThread() - allocatedBefore);
        GC.KeepAlive(text);
    }

    private static void Report(string what, long bytes, TimeSpan elapsed, long allocated)
    {
        var mb = bytes / 1048576.0;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{what}: {mb:0.0} MB in {elapsed.TotalMilliseconds:0} ms ({mb / elapsed.TotalSeconds:0.0} MB/s), allocated {allocated / 1048576.0:0.0} MB"));
    }

    private static double PeakRssMegabytes()
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                return double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
        return 0;
    }
}

using System.Globalization;
using FleetTui.Terminal.Emulation;

namespace FleetTui.Benchmarks.Emulator;

/// <summary>
/// <c>pane-memory [PANES] [MEGABYTES] [COLUMNS] [ROWS]</c> (defaults 8 20 80 23): issue 17's goal 5, the emulators' share
/// of "8 panes after 20 MB each &lt; 100 MB RSS". Each pane gets MEGABYTES of base64 text lines 158 characters wide (what
/// scripts/bench-tui-throughput.sh cats; wrapped at the pane's width), so every history is full (10,000 lines). Reports
/// the managed heap after a full collection and the process's RSS, against a baseline taken before the panes exist: once
/// right after the output, and once after the host's idle packing (<see cref="FleetTui.Host.Panes.HistoryPacker"/>: the
/// first pass marks the lines, the next ones pack those that sat through it, within the packer's budget, each followed by the
/// packer's collection, as the host's packer does over its first passes once the output stops).
/// </summary>
public static class PaneMemoryTimings
{
    public const string Verb = "pane-memory";

    public static void Run(string[] args)
    {
        var panes = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 8;
        var megabytes = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20;
        var columns = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 80;
        var rows = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 23;
        var random = new Random(1);
        var line = new byte[118];
        var text = new System.Text.StringBuilder();
        while (text.Length < 1024 * 1024)
        {
            random.NextBytes(line);
            text.Append(Convert.ToBase64String(line)).Append("\r\n");
        }

        var megabyte = System.Text.Encoding.ASCII.GetBytes(text.ToString());
        var baselineHeap = Heap();
        var baselineRss = Rss();
        var terminals = new List<VirtualTerminal>();
        for (var p = 0; p < panes; p++)
        {
            var terminal = new VirtualTerminal(columns, rows);
            for (var m = 0; m < megabytes; m++)
                for (var offset = 0; offset < megabyte.Length; offset += 64 * 1024)
                    terminal.Feed(megabyte.AsSpan(offset, Math.Min(64 * 1024, megabyte.Length - offset)));
            terminals.Add(terminal);
        }

        var heap = Heap();
        var rss = Rss();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{panes} panes {columns}x{rows} after {megabytes} MB each (history {terminals[0].Screen.Scrollback.Count} lines): managed heap +{heap - baselineHeap:0.0} MB, RSS {rss:0.0} MB (+{rss - baselineRss:0.0} MB over the process without panes)"));

        // The host's packer, its passes run back to back instead of every 5 s: the first marks, the next pack within budget.
        using var packer = new FleetTui.Host.Panes.HistoryPacker(Timeout.InfiniteTimeSpan);
        terminals.ForEach(packer.Add);
        packer.PackOnce();
        var passes = new List<double>();
        var packed = 0;
        while (true)
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var lines = packer.PackOnce();
            if (lines == 0)
                break;
            passes.Add(clock.Elapsed.TotalMilliseconds);
            packed += lines;
        }

        var packing = passes.Sum();
        heap = Heap();
        rss = Rss();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  after the host's packer packed the idle history ({packed} lines in {passes.Count} passes of {string.Join(", ", passes.Select(p => p.ToString("0", CultureInfo.InvariantCulture)))} ms, each with its collection): managed heap +{heap - baselineHeap:0.0} MB, RSS {rss:0.0} MB (+{rss - baselineRss:0.0} MB)"));
        GC.KeepAlive(terminals);

        // What a pane's lock is held for: one pass's budget of lines packed, alone (no collection), in holds of
        // VirtualTerminal.PackedLinesPerLock lines.
        var probe = new VirtualTerminal(columns, rows);
        for (var offset = 0; offset < megabyte.Length; offset += 64 * 1024)
            probe.Feed(megabyte.AsSpan(offset, Math.Min(64 * 1024, megabyte.Length - offset)));
        probe.PackIdleHistory(0);
        var timer = System.Diagnostics.Stopwatch.StartNew();
        var probed = probe.PackIdleHistory(FleetTui.Host.Panes.HistoryPacker.LinesPerPass);
        var perLine = timer.Elapsed.TotalMilliseconds * 1000 / Math.Max(1, probed);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  one pass over one pane: {probed} lines of {columns} columns in {timer.Elapsed.TotalMilliseconds:0.0} ms ({perLine:0.00} us a line; the lock is held for {VirtualTerminal.PackedLinesPerLock} lines at a time, about {perLine * VirtualTerminal.PackedLinesPerLock / 1000:0.00} ms)"));
    }

    private static double Heap()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        return GC.GetTotalMemory(forceFullCollection: true) / 1048576.0;
    }

    private static double Rss()
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                return double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
        return 0;
    }
}

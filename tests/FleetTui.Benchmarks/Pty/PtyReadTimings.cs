using System.Diagnostics;
using System.Globalization;
using FleetTui.Host.Panes;
using FleetTui.Terminal.Pty;

namespace FleetTui.Benchmarks.Pty;

/// <summary>
/// <c>pty-read FILE [RUNS] [STAGE]</c>: how fast <c>cat FILE</c> comes out of our PTY (<see cref="UnixPtyHost"/>), from
/// spawn to the last byte, at each stage of the path to the screen. <c>raw</c> counts the bytes and drops them (the
/// ceiling: what the kernel and our read loop give); <c>emulator</c> also parses them into a 160x48 screen on the read
/// thread; <c>pane</c> goes through the host's <see cref="PaneTerminal"/> (parse, change signal, output event), which is
/// what a fleet pane does before the cockpit draws. scripts/bench-tui-throughput.sh runs <c>raw</c> beside the
/// cockpit's own <c>cat</c> of the same file. Prints one line per run and a median: <c>STAGE median: MS ms, MBPS MB/s</c>.
/// </summary>
public static class PtyReadTimings
{
    public const string Verb = "pty-read";

    private const int Columns = 160;
    private const int Rows = 48;

    public static void Run(string[] args)
    {
        if (args.Length < 1 || !File.Exists(args[0]))
        {
            Console.Error.WriteLine("usage: pty-read FILE [RUNS] [raw|emulator|pane]");
            Environment.Exit(2);
        }

        var file = Path.GetFullPath(args[0]);
        var runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5;
        var stage = args.Length > 2 ? args[2] : "raw";
        var fileBytes = new FileInfo(file).Length;
        var timings = new List<double>();
        // One run first, not counted: the JIT compiles the read loop and the parser, and the file comes into the page cache.
        Measure(stage, file);
        for (var run = 0; run < runs; run++)
        {
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var (milliseconds, bytes) = Measure(stage, file);
            var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds;
            timings.Add(milliseconds);
            // The CPU this process spent (the reader and whatever it feeds, not cat): a cost the machine's load does not change much.
            Console.WriteLine($"{stage} run {run + 1}: {milliseconds:F0} ms, {bytes} bytes, {fileBytes / 1e6 / (milliseconds / 1000):F1} MB/s, {cpu:F0} ms of CPU");
        }

        timings.Sort();
        var median = timings[timings.Count / 2];
        Console.WriteLine($"{stage} median: {median:F0} ms, {fileBytes / 1e6 / (median / 1000):F1} MB/s");
    }

    private static (double Milliseconds, long Bytes) Measure(string stage, string file)
    {
        var host = new UnixPtyHost();
        var options = new PtySpawnOptions("cat", file) { Columns = Columns, Rows = Rows };
        long received = 0;
        var clock = Stopwatch.StartNew();
        switch (stage)
        {
            case "raw":
            {
                using var process = host.Spawn(options, chunk => received += chunk.Length);
                Finish(process);
                break;
            }
            case "emulator":
            {
                var terminal = new FleetTui.Terminal.Emulation.VirtualTerminal(Columns, Rows);
                using var process = host.Spawn(options, chunk =>
                {
                    terminal.Feed(chunk);
                    received += chunk.Length;
                });
                Finish(process);
                break;
            }
            case "pane":
            {
                using var pane = new PaneTerminal(Columns, Rows);
                pane.Output += bytes => received += bytes;
                pane.Foreground = true;
                pane.Start(host, options);
                pane.WhenExited.Wait();
                // The exit can be seen before the last chunk is parsed: wait for all of it (the terminal turns each LF into CR LF).
                var expected = new FileInfo(file).Length + CountNewlines(file);
                while (Volatile.Read(ref received) < expected)
                    Thread.Yield();
                break;
            }
            default:
                throw new ArgumentException($"unknown stage '{stage}': raw, emulator or pane");
        }

        return (clock.Elapsed.TotalMilliseconds, received);
    }

    private static long CountNewlines(string file)
    {
        long count = 0;
        foreach (var b in File.ReadAllBytes(file))
            count += b == (byte)'\n' ? 1 : 0;
        return count;
    }

    /// <summary>Like the focused pane in the cockpit: its read thread runs at normal priority.</summary>
    private static void Finish(IPtyProcess process)
    {
        process.Foreground = true;
        process.OutputCompleted.Wait();
        process.Exited.Wait();
    }
}

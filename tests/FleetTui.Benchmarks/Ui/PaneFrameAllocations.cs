using System.Diagnostics;
using System.Globalization;
using System.Text;
using FleetTui.Core.Session;
using FleetTui.Host.Panes;
using FleetTui.Host.Protocol;
using FleetTui.Host.Protocol.Screens;
using FleetTui.Ui.MainLoop;
using FleetTui.Ui.Panes;
using FleetTui.Ui.Themes;
using FleetTui.Ui.Views;
using Terminal.Gui.App;
using Terminal.Gui.Drivers;
using Terminal.Gui.Time;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace FleetTui.Benchmarks.Ui;

/// <summary>
/// <c>pane-frame [FRAMES] [WIDTH] [HEIGHT]</c> (defaults 300 160 48): issue 17's goal 1 measurement, bytes allocated and
/// time per frame when one <see cref="PaneView"/> filling the screen redraws every row (a flooding program: every
/// frame changes every row; three kinds of rows: plain text, SGR on every word, CJK and combining marks). The pane is
/// drawn by Terminal.Gui's headless ANSI driver on this thread, fed through the host's real encoder and the client's
/// real mirror. Goal: no allocation per frame in steady state. With ALLOCATION_TYPES=1 (or =unicode, =sgr), a last run says which types
/// the allocations are, after the warm-up.
/// </summary>
public static class PaneFrameAllocations
{
    public const string Verb = "pane-frame";

    public static void Run(string[] args)
    {
        var frames = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 300;
        var width = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 160;
        var height = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 48;
        Environment.SetEnvironmentVariable("DisableRealDriverIO", "1");
        foreach (var kind in new[] { "plain", "sgr", "unicode" })
        {
            Measure(kind, frames, width, height, cockpitOutput: false);
            Measure(kind, frames, width, height, cockpitOutput: true);
        }
        if (Environment.GetEnvironmentVariable("ALLOCATION_TYPES") is { Length: > 0 } typesOf)
        {
            // ALLOCATION_TYPES=1: a plain run; =unicode or =sgr: that kind. Sampled after the warm-up only.
            using var types = new AllocationTypes();
            Measure(typesOf is "unicode" or "sgr" ? typesOf : "plain", frames, width, height, cockpitOutput: true, types);
            types.Print(25);
        }
        DriverStages(frames, width, height);
    }

    /// <summary>
    /// Where a frame's allocations go, for a screen of ASCII: the driver's AddStr (what PaneView calls per run of cells),
    /// writing the driver's cells directly (cached one-character strings), and the driver's output stage (Refresh: the
    /// dirty cells turned into ANSI output) with every cell dirty.
    /// </summary>
    private static void DriverStages(int frames, int width, int height)
    {
        using var app = Application.Create(new VirtualTimeProvider()).Init(DriverRegistry.Names.ANSI);
        var driver = app.Driver!;
        driver.SetScreenSize(width, height);
        var rows = Enumerable.Range(0, height).Select(r => new string((char)('a' + r % 26), width)).ToArray();
        var graphemes = Enumerable.Range(0, 128).Select(c => ((char)c).ToString()).ToArray();
        var attribute = new global::Terminal.Gui.Drawing.Attribute(global::Terminal.Gui.Drawing.Color.White, global::Terminal.Gui.Drawing.Color.Blue);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"driver stages {width}x{height}, ASCII, per frame:"));
        Stage("  AddStr, one per row", frames, () =>
        {
            driver.SetAttribute(attribute);
            for (var r = 0; r < height; r++)
            {
                driver.Move(0, r);
                driver.AddStr(rows[r]);
            }
        });
        Stage("  cells written directly", frames, () =>
        {
            var contents = driver.Contents!;
            for (var r = 0; r < height; r++)
                for (var c = 0; c < width; c++)
                    contents[r, c] = new global::Terminal.Gui.Drawing.Cell(attribute, true, graphemes[rows[r][c]]);
        });
        Stage("  output (Refresh), all dirty", frames, () =>
        {
            var contents = driver.Contents!;
            for (var r = 0; r < height; r++)
                for (var c = 0; c < width; c++)
                    contents[r, c] = new global::Terminal.Gui.Drawing.Cell(attribute, true, graphemes[rows[r][c]]);
            driver.Refresh();
        });
    }

    private static void Stage(string what, int frames, Action frame)
    {
        for (var i = 0; i < 20; i++)
            frame();
        var before = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < frames; i++)
            frame();
        clock.Stop();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{what,-32} {allocated / (double)frames / 1024,8:0.0} KiB, {clock.Elapsed.TotalMilliseconds / frames:0.00} ms"));
    }

    /// <param name="cockpitOutput">Through the cockpit's output (<see cref="BatchedAnsiOutput"/>), or Terminal.Gui's stock one.</param>
    private static void Measure(string kind, int frames, int width, int height, bool cockpitOutput, AllocationTypes? types = null)
    {
        using var app = (cockpitOutput ? CockpitApplication.Create().App : Application.Create(new VirtualTimeProvider())).Init(DriverRegistry.Names.ANSI);
        app.Driver!.SetScreenSize(width, height);
        var task = new TaskSnapshot { Name = "flood", Branch = "fleet/flood", BaseBranch = "main", WorktreePath = "/tmp", Phase = TaskPhase.Active };
        var terminal = new PaneTerminal(width, height - 1);
        var mirror = new PaneMirror(task.Name);
        var encoder = new PaneUpdateEncoder();
        var wire = new WireWriter();
        var pane = new PaneView(1, task, mirror, new ChromeAttributes(ThemeLoader.Resolve(null, null, false)));
        var root = new Runnable { Width = Dim.Fill(), Height = Dim.Fill() };
        root.Add(pane);
        var token = app.Begin(root);
        pane.Place(new System.Drawing.Rectangle(0, 0, width, height), hasLeftEdge: false);
        var random = new Random(1);
        var screens = Enumerable.Range(0, 8).Select(_ => Encoding.UTF8.GetBytes(Screen(kind, random, width, height - 1))).ToArray();

        long allocated = 0;
        var clock = new Stopwatch();
        var warmUp = Math.Min(50, frames / 3);
        for (var frame = 0; frame < frames + warmUp; frame++)
        {
            terminal.Terminal.Feed(screens[frame % screens.Length]);
            wire.Clear();
            wire.U16(1);
            if (encoder.Encode(task.Name, terminal, 0, wire))
                ScreenFrameReader.Apply(wire.WrittenSpan, (_, _) => mirror);
            if (frame == warmUp)
                types?.Reset();
            var before = GC.GetAllocatedBytesForCurrentThread();
            if (frame >= warmUp)
                clock.Start();
            pane.OnScreenChanged();
            app.LayoutAndDraw();
            clock.Stop();
            if (frame >= warmUp)
                allocated += GC.GetAllocatedBytesForCurrentThread() - before;
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{kind,-8} {(cockpitOutput ? "cockpit" : "stock"),-7} {width}x{height}: {allocated / (double)frames / 1024:0.0} KiB allocated per frame, {clock.Elapsed.TotalMilliseconds / frames:0.00} ms per frame (draw only, {frames} frames)"));
        app.End(token!);
        terminal.Dispose();
    }

    /// <summary>A whole screen of output: home, then every row rewritten.</summary>
    private static string Screen(string kind, Random random, int columns, int rows)
    {
        var sb = new StringBuilder("\e[H");
        for (var row = 0; row < rows; row++)
        {
            var line = new StringBuilder();
            while (line.Length < columns - 12)
            {
                var word = Convert.ToBase64String(BitConverter.GetBytes(random.Next()))[..6];
                switch (kind)
                {
                    case "sgr":
                        line.Append($"\e[38;5;{random.Next(256)}m\e[48;2;{random.Next(256)};{random.Next(256)};{random.Next(256)}m{word}\e[0m ");
                        break;
                    case "unicode":
                        line.Append("中文e\u0301 ").Append(word).Append(' ');
                        break;
                    default:
                        line.Append(word).Append(' ');
                        break;
                }

                if (kind != "plain" && line.Length > columns * 4)
                    break;
            }

            sb.Append(line).Append("\e[K");
            if (row < rows - 1)
                sb.Append("\r\n");
        }

        return sb.ToString();
    }
}

using BenchmarkDotNet.Running;

namespace FleetTui.Benchmarks;

public static class Program
{
    public static void Main(string[] args)
    {
        if (Emulator.WriteStreams.TryRun(args))
            return;

        if (args is [Ui.PaneFrameAllocations.Verb, .. var frameArgs])
        {
            Ui.PaneFrameAllocations.Run(frameArgs);
            return;
        }

        if (args is [Emulator.PaneMemoryTimings.Verb, .. var memoryArgs])
        {
            Emulator.PaneMemoryTimings.Run(memoryArgs);
            return;
        }

        if (args is [Emulator.ScreenSizeTimings.Verb, .. var sizeArgs])
        {
            Emulator.ScreenSizeTimings.Run(sizeArgs);
            return;
        }

        if (args is [Pty.PtyReadTimings.Verb, .. var ptyArgs])
        {
            Pty.PtyReadTimings.Run(ptyArgs);
            return;
        }

        if (args is [Engine.EngineTimings.Verb, .. var rest])
        {
            Engine.EngineTimings.RunAsync(rest).GetAwaiter().GetResult();
            return;
        }

        if (args is [Engine.StatusTimeline.Verb, .. var timelineArgs])
        {
            Engine.StatusTimeline.RunAsync(timelineArgs).GetAwaiter().GetResult();
            return;
        }

        if (args is [FleetTui.Benchmarks.Host.HostStreamTimings.Verb, .. var streamArgs])
        {
            FleetTui.Benchmarks.Host.HostStreamTimings.RunAsync(streamArgs).GetAwaiter().GetResult();
            return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}

using BenchmarkDotNet.Running;

namespace FleetTui.Benchmarks;

public static class Program
{
    public static void Main(string[] args)
    {
        if (Emulator.WriteStreams.TryRun(args))
            return;
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}

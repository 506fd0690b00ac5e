namespace FleetTui.Benchmarks.Emulator;

/// <summary><c>dotnet run -c Release -- write-streams DIR</c>: writes the benchmark streams for scripts/bench-replay-vs-tmux.sh.</summary>
public static class WriteStreams
{
    public static bool TryRun(string[] args)
    {
        if (args.Length != 2 || args[0] != "write-streams")
            return false;
        BenchmarkStreams.WriteTo(args[1]);
        return true;
    }
}

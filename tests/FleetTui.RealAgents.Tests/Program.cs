namespace FleetTui.RealAgents.Tests;

/// <summary>The measurement mode; the test host never runs this.</summary>
public static class Program
{
    public static Task<int> Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "daemons")
        {
            foreach (var d in FleetTui.Host.Agents.CodexAppServers.Find(args.Length > 1 ? args[1] : null, args.Length > 2 ? args[2] : "/nonexistent"))
                Console.WriteLine(d);
            return Task.FromResult(0);
        }
        return Measurement.RunAsync(args);
    }
}

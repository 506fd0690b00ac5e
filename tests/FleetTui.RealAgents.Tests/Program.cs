namespace FleetTui.RealAgents.Tests;

/// <summary>The measurement mode; the test host never runs this.</summary>
public static class Program
{
    public static Task<int> Main(string[] args) => Measurement.RunAsync(args);
}

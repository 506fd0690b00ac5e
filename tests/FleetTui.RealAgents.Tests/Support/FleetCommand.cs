namespace FleetTui.RealAgents.Tests.Support;

/// <summary>How the agents' hooks run the real <c>fleet</c> built beside these tests: <c>dotnet fleet.dll</c>.</summary>
public static class FleetCommand
{
    public static IReadOnlyList<string> Argv { get; } = [DotNet(), Path.Combine(AppContext.BaseDirectory, "fleet.dll")];

    private static string DotNet()
    {
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host))
            return host;
        if (Environment.ProcessPath is { } process && Path.GetFileNameWithoutExtension(process) == "dotnet")
            return process;
        foreach (var folder in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':'))
        {
            var candidate = Path.Combine(folder, "dotnet");
            if (File.Exists(candidate))
                return candidate;
        }
        return "dotnet";
    }
}

namespace FleetTui.Tests.Demo;

/// <summary>The built <c>fleet</c> next to the test assembly (the test project references it): its apphost, else <c>dotnet fleet.dll</c>.</summary>
public static class FleetExecutable
{
    public static IReadOnlyList<string> Argv()
    {
        var directory = AppContext.BaseDirectory;
        var apphost = Path.Combine(directory, OperatingSystem.IsWindows() ? "fleet.exe" : "fleet");
        return File.Exists(apphost) ? [apphost] : ["dotnet", Path.Combine(directory, "fleet.dll")];
    }
}

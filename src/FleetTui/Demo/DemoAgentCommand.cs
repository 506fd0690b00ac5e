using System.Reflection;

namespace FleetTui.Demo;

/// <summary>The argv that runs this very <c>fleet</c> executable again, so the demo's agents need nothing installed.</summary>
public static class DemoAgentCommand
{
    /// <summary>
    /// <c>[&lt;apphost&gt;]</c> normally; <c>[dotnet, &lt;fleet.dll&gt;]</c> when fleet runs as <c>dotnet fleet.dll</c>
    /// (a tool shim, <c>dotnet run</c>), where the process path is the dotnet host itself.
    /// </summary>
    public static IReadOnlyList<string> Resolve() =>
        Resolve(Environment.ProcessPath, EntryAssemblyPath());

    /// <summary>
    /// fleet.dll beside the host, when there is one: a Native AOT or single-file <c>fleet</c> has no assembly file at all
    /// (and <c>Assembly.Location</c> is empty there by design).
    /// </summary>
    private static string? EntryAssemblyPath()
    {
        var name = Assembly.GetEntryAssembly()?.GetName().Name;
        var path = name is null ? null : Path.Combine(AppContext.BaseDirectory, name + ".dll");
        return path is not null && File.Exists(path) ? path : null;
    }

    public static IReadOnlyList<string> Resolve(string? processPath, string? entryAssemblyPath)
    {
        if (string.IsNullOrEmpty(processPath))
            return string.IsNullOrEmpty(entryAssemblyPath) ? ["fleet"] : ["dotnet", entryAssemblyPath];
        var host = Path.GetFileNameWithoutExtension(processPath);
        if (host.Equals("dotnet", StringComparison.OrdinalIgnoreCase) && !string.IsNullOrEmpty(entryAssemblyPath))
            return [processPath, entryAssemblyPath];
        return [processPath];
    }
}

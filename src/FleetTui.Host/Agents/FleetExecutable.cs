using System.Reflection;

namespace FleetTui.Host.Agents;

/// <summary>How to run this fleet executable again (for agent hooks): the native <c>fleet</c>, or <c>dotnet fleet.dll</c>.</summary>
public static class FleetExecutable
{
    public static IReadOnlyList<string> Argv() => Argv(Environment.ProcessPath, EntryAssemblyPath());

    public static IReadOnlyList<string> Argv(string? processPath, string? entryAssemblyPath)
    {
        if (string.IsNullOrEmpty(processPath))
            return string.IsNullOrEmpty(entryAssemblyPath) ? ["fleet"] : ["dotnet", entryAssemblyPath];
        var host = Path.GetFileNameWithoutExtension(processPath);
        if (host.Equals("dotnet", StringComparison.OrdinalIgnoreCase) && !string.IsNullOrEmpty(entryAssemblyPath))
            return [processPath, entryAssemblyPath];
        return [processPath];
    }

    /// <summary>fleet.dll beside the host, when there is one (a Native AOT <c>fleet</c> has no assembly file).</summary>
    private static string? EntryAssemblyPath()
    {
        var name = Assembly.GetEntryAssembly()?.GetName().Name;
        var path = name is null ? null : Path.Combine(AppContext.BaseDirectory, name + ".dll");
        return path is not null && File.Exists(path) ? path : null;
    }
}

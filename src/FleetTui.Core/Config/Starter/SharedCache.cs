namespace FleetTui.Core.Config.Starter;

/// <summary>Where the caches written by <c>fleet init</c> live: one folder beside the repository, next to the default worktrees.</summary>
public static class SharedCache
{
    /// <summary>A <c>[setup] caches</c> value; <c>{repo}</c> expands to the main checkout's absolute path there.</summary>
    public static string Folder(string name) => "{repo}/../.fleet-cache/" + name;
}

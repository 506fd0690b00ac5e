using System.Runtime.CompilerServices;

namespace FleetTui.Core.Tests.Merging;

/// <summary>Every git child process of this test assembly sees an isolated global config, never the user's ~/.gitconfig.</summary>
internal static class GitIsolation
{
    public static string GlobalConfig { get; private set; } = "";

    [ModuleInitializer]
    internal static void Isolate()
    {
        if (Environment.GetEnvironmentVariable("GIT_CONFIG_GLOBAL") is { Length: > 0 } existing && existing.Contains("fleet-test-git", StringComparison.Ordinal))
        {
            GlobalConfig = existing;
            return;
        }
        var folder = Path.Combine(Path.GetTempPath(), "fleet-test-git-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        GlobalConfig = Path.Combine(folder, "gitconfig");
        File.WriteAllText(GlobalConfig, "[user]\n\tname = Fleet Test\n\temail = fleet-test@example.com\n[init]\n\tdefaultBranch = main\n[advice]\n\tdetachedHead = false\n");
        Environment.SetEnvironmentVariable("GIT_CONFIG_GLOBAL", GlobalConfig);
        Environment.SetEnvironmentVariable("GIT_CONFIG_NOSYSTEM", "1");
        Environment.SetEnvironmentVariable("GIT_AUTHOR_DATE", null);
        Environment.SetEnvironmentVariable("GIT_COMMITTER_DATE", null);
    }
}

using FleetTui.Tests.Demo;

namespace FleetTui.Tests.EndToEnd;

/// <summary>A repository (branch main, one empty commit) whose fleet.toml has tasks api and web, both on the given agent.</summary>
internal static class ShellFleets
{
    /// <param name="agent">The <c>agent</c> value as TOML (an argv array).</param>
    public static async Task<string> TwoTasksAsync(IsolatedGit git, string agent)
    {
        var repo = Path.Combine(git.Root, "repo");
        Directory.CreateDirectory(repo);
        await git.GitAsync(repo, "init", "--quiet", "-b", "main");
        await git.GitAsync(repo, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "--quiet", "--allow-empty", "-m", "init");
        await File.WriteAllTextAsync(Path.Combine(repo, "fleet.toml"), $"[fleet]\nagent = {agent}\n\n[[task]]\nname = \"api\"\n\n[[task]]\nname = \"web\"\n");
        return repo;
    }
}

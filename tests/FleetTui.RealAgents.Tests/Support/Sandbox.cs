using System.Diagnostics;

namespace FleetTui.RealAgents.Tests.Support;

/// <summary>
/// A throwaway world for one agent run, in one 0700 temporary folder: a HOME (the agent's config lives there, never the
/// user's), a git repository with one commit and a task worktree beside it as fleet lays them out
/// (<c>repo.worktrees/&lt;task&gt;</c>), and a git config of its own. Deleted on dispose.
/// </summary>
public sealed class Sandbox : IDisposable
{
    public const string Task = "probe";

    public Sandbox()
    {
        Root = Directory.CreateTempSubdirectory("fleet-agent-").FullName; // 0700 on Unix
        Home = Directory.CreateDirectory(Path.Combine(Root, "home")).FullName;
        Repo = Directory.CreateDirectory(Path.Combine(Root, "repo")).FullName;
        Worktree = Path.Combine(Root, "repo.worktrees", Task);
        GitConfig = Path.Combine(Root, "gitconfig");
        File.WriteAllText(GitConfig, "[user]\n\tname = Fleet Test\n\temail = test@fleettui.invalid\n[init]\n\tdefaultBranch = main\n");
        Git(Repo, "init", "-q");
        File.WriteAllText(Path.Combine(Repo, "README.md"), "probe\n");
        Git(Repo, "add", "README.md");
        Git(Repo, "commit", "-q", "-m", "init");
        Git(Repo, "worktree", "add", "-q", "-b", Task, Worktree);
    }

    public string Root { get; }

    public string Home { get; }

    public string Repo { get; }

    public string Worktree { get; }

    public string GitConfig { get; }

    /// <summary>The repository's common git dir (where fleet keeps its signal files).</summary>
    public string CommonGitDir => Path.Combine(Repo, ".git");

    /// <summary>The environment every agent gets: nothing of ours but PATH, a UTF-8 locale and the sandbox's HOME and git config.</summary>
    public Dictionary<string, string?> BaseEnvironment() => new(StringComparer.Ordinal)
    {
        ["PATH"] = Environment.GetEnvironmentVariable("PATH"),
        ["HOME"] = Home,
        ["LANG"] = "C.UTF-8",
        ["USER"] = Environment.UserName,
        ["SHELL"] = "/bin/bash",
        ["GIT_CONFIG_GLOBAL"] = GitConfig,
        ["GIT_CONFIG_NOSYSTEM"] = "1",
        ["TERM"] = "xterm-256color",
        ["COLORTERM"] = "truecolor",
    };

    public void Git(string directory, params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = directory, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        start.Environment["GIT_CONFIG_GLOBAL"] = GitConfig;
        start.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEnd();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"git {string.Join(' ', arguments)} failed: {error}");
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // An agent's daemon may still write there; the folder is in the temp dir anyway.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}

using FleetTui.Core.Git;

namespace FleetTui.Core.Tests.Support;

/// <summary>
/// A real git repository in a fresh temp folder, with its own HOME and GIT_CONFIG_GLOBAL (set only for our git children,
/// never process-wide), an identity, branch <c>main</c> and one commit. Layout: <c>&lt;root&gt;/home</c>, <c>&lt;root&gt;/repo</c>;
/// default worktrees land in <c>&lt;root&gt;/repo.worktrees</c>, so disposing the root removes them too.
/// </summary>
public sealed class TempRepo : IDisposable
{
    private TempRepo(string root, GitCli git)
    {
        RootDir = root;
        Git = git;
    }

    /// <summary>The temp folder holding everything (home, repo, sibling worktrees).</summary>
    public string RootDir { get; }

    /// <summary>The repository's working tree.</summary>
    public string Path => System.IO.Path.Combine(RootDir, "repo");

    public string HomeDir => System.IO.Path.Combine(RootDir, "home");

    public GitCli Git { get; }

    public string CommonDir => System.IO.Path.Combine(Path, ".git");

    public static TempRepo Create() => CreateAsync().GetAwaiter().GetResult();

    public static async Task<TempRepo> CreateAsync(int extraFiles = 0)
    {
        var root = Directory.CreateTempSubdirectory("fleet-test-").FullName;
        // Resolve symlinks in the temp path (/tmp may be a link) so paths compare equal to what git prints.
        root = new DirectoryInfo(root).ResolveLinkTarget(true)?.FullName ?? root;
        var home = System.IO.Path.Combine(root, "home");
        Directory.CreateDirectory(home);
        var globalConfig = System.IO.Path.Combine(home, ".gitconfig");
        await File.WriteAllTextAsync(globalConfig,
            "[user]\n\tname = Fleet Test\n\temail = fleet-test@example.invalid\n[init]\n\tdefaultBranch = main\n[commit]\n\tgpgsign = false\n");
        var git = new GitCli(new GitCliOptions
        {
            Environment = new Dictionary<string, string?>
            {
                ["HOME"] = home,
                ["XDG_CONFIG_HOME"] = System.IO.Path.Combine(home, ".config"),
                ["GIT_CONFIG_GLOBAL"] = globalConfig,
                ["GIT_CONFIG_NOSYSTEM"] = "1",
            },
        });
        var repo = new TempRepo(root, git);
        try
        {
            Directory.CreateDirectory(repo.Path);
            await git.RunAsync(repo.Path, ["init", "--quiet", "--initial-branch=main"]);
            repo.WriteFile("README.md", "# test repo\n");
            for (var i = 0; i < extraFiles; i++)
                repo.WriteFile($"src/dir{i % 40}/file{i}.txt", $"content {i}\n");
            await repo.CommitAllAsync("initial commit");
            return repo;
        }
        catch
        {
            repo.Dispose();
            throw;
        }
    }

    /// <summary>Writes a file relative to <paramref name="workTree"/> (default: the main checkout), creating folders.</summary>
    public string WriteFile(string relativePath, string content, string? workTree = null)
    {
        var full = System.IO.Path.Combine(workTree ?? Path, relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
        return full;
    }

    /// <summary>Stages everything and commits in <paramref name="workTree"/> (default: the main checkout); returns the new sha.</summary>
    public async Task<string> CommitAllAsync(string message, string? workTree = null)
    {
        var dir = workTree ?? Path;
        await Git.RunAsync(dir, ["add", "--all"]);
        await Git.RunAsync(dir, ["commit", "--quiet", "--allow-empty", "-m", message]);
        return (await Git.RunAsync(dir, ["rev-parse", "HEAD"])).Trim();
    }

    public async Task<string> CommitFileAsync(string relativePath, string content, string message, string? workTree = null)
    {
        WriteFile(relativePath, content, workTree);
        return await CommitAllAsync(message, workTree);
    }

    public async Task<string> RunGitAsync(params string[] arguments) => await Git.RunAsync(Path, arguments);

    /// <summary>
    /// Another repository beside this one (<c>&lt;root&gt;/&lt;name&gt;</c>), same identity, branch <c>main</c>, one commit: for tasks
    /// spanning repositories. Its default worktrees land in <c>&lt;root&gt;/&lt;name&gt;.worktrees</c>, removed with the root.
    /// </summary>
    public async Task<string> AddSiblingRepositoryAsync(string name)
    {
        var path = System.IO.Path.Combine(RootDir, name);
        Directory.CreateDirectory(path);
        await Git.RunAsync(path, ["init", "--quiet", "--initial-branch=main"]);
        WriteFile("README.md", $"# {name}\n", path);
        await CommitAllAsync($"initial commit of {name}", path);
        return path;
    }

    public void Dispose()
    {
        // Worktrees live under RootDir, so one recursive delete removes repo, home and every sibling worktree.
        // Git marks pack files read-only; clear attributes first so the delete cannot fail half way.
        try
        {
            foreach (var file in Directory.EnumerateFiles(RootDir, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 }))
                File.SetAttributes(file, FileAttributes.Normal);
            Directory.Delete(RootDir, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }
}

using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using FleetTui.Core.Merging;

namespace FleetTui.Core.Tests.Merging;

/// <summary>A real temporary git repository (branch main, one commit), deleted on dispose, with sibling worktrees.</summary>
internal sealed class TestRepo : IDisposable
{
    private TestRepo(string root)
    {
        Root = root;
        Path = System.IO.Path.Combine(root, "repo");
    }

    /// <summary>Folder holding the repo and its worktrees.</summary>
    public string Root { get; }

    /// <summary>The main worktree.</summary>
    public string Path { get; }

    public string CommonDir => System.IO.Path.Combine(Path, ".git");

    public string LogsRoot => System.IO.Path.Combine(CommonDir, "fleet", "logs");

    public static TestRepo Create(IReadOnlyDictionary<string, string>? files = null)
    {
        _ = GitIsolation.GlobalConfig;
        var root = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "fleet-merge-test-" + Guid.NewGuid().ToString("N")[..10]);
        var repo = new TestRepo(root);
        Directory.CreateDirectory(repo.Path);
        repo.Git("init", "-q", "-b", "main");
        repo.Git("config", "user.name", "Fleet Test");
        repo.Git("config", "user.email", "fleet-test@example.com");
        foreach (var (path, text) in files ?? new Dictionary<string, string> { ["README.md"] = "hello\n" })
            repo.Write(path, text);
        repo.Git("add", "-A");
        repo.Git("commit", "-q", "-m", "initial");
        return repo;
    }

    /// <summary>The engine's git runner and worktree manager over this repository.</summary>
    public FleetTui.Core.Worktrees.WorktreeManager Worktrees() =>
        new(new FleetTui.Core.Git.GitCli(), new FleetTui.Core.Git.RepositoryFacts(Path, CommonDir, "main"));

    public MergeQueue Queue() => new(new FleetTui.Core.Git.GitCli(), Worktrees(), new GateRunner(LogsRoot));

    public string WorktreePath(string task) => System.IO.Path.Combine(Root, "wt", task);

    /// <summary>Creates fleet/&lt;task&gt; from <paramref name="from"/> in its own worktree (as the engine does).</summary>
    public string AddTask(string task, string from = "main")
    {
        var path = WorktreePath(task);
        Git("worktree", "add", "-q", "-b", "fleet/" + task, path, from);
        return path;
    }

    public void Write(string relativePath, string text, string? worktree = null)
    {
        var full = System.IO.Path.Combine(worktree ?? Path, relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
    }

    public string Commit(string worktree, string message, params (string Path, string Text)[] files)
    {
        foreach (var (path, text) in files)
            Write(path, text, worktree);
        GitIn(worktree, "add", "-A");
        GitIn(worktree, "commit", "-q", "--allow-empty", "-m", message);
        return GitIn(worktree, "rev-parse", "HEAD").Trim();
    }

    public string Rev(string rev) => Git("rev-parse", rev).Trim();

    public string Git(params string[] args) => GitIn(Path, args);

    public string GitIn(string directory, params string[] args)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"git {string.Join(' ', args)} in {directory} failed: {stderr.Result}");
        return stdout.Result;
    }

    /// <summary>A fingerprint of every ref and every file (bytes) in every worktree except .git internals: equal fingerprints mean nothing changed.</summary>
    public string Fingerprint()
    {
        var text = new StringBuilder();
        text.AppendLine(Git("for-each-ref", "--format=%(refname) %(objectname)"));
        foreach (var folder in new[] { Path }.Concat(Directory.Exists(System.IO.Path.Combine(Root, "wt")) ? Directory.GetDirectories(System.IO.Path.Combine(Root, "wt")) : []))
        {
            text.AppendLine("HEAD " + folder + " " + GitIn(folder, "rev-parse", "HEAD").Trim());
            foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Where(f => !f.Contains("/.git", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
                text.AppendLine(file + " " + Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(file))));
            // The index too: a half-applied merge would show there first.
            var index = System.IO.Path.Combine(GitIn(folder, "rev-parse", "--absolute-git-dir").Trim(), "index");
            if (File.Exists(index))
                text.AppendLine("index " + folder + " " + Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(index))));
        }
        return text.ToString();
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}

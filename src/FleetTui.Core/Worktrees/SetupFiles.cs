namespace FleetTui.Core.Worktrees;

/// <summary>The <c>[setup] copy</c> and <c>link</c> chores: files from the main checkout into a new worktree.</summary>
public static class SetupFiles
{
    /// <summary>Throws <see cref="WorktreeException"/> naming every listed file missing from the main checkout (checked before anything is created).</summary>
    public static void EnsureSourcesExist(string repoRoot, IEnumerable<string> relativePaths)
    {
        var missing = relativePaths.Where(p => !Path.Exists(SourcePath(repoRoot, p))).ToList();
        if (missing.Count > 0)
            throw new WorktreeException(
                $"[setup] names file(s) missing from the main checkout {repoRoot}: {string.Join(", ", missing)}");
    }

    /// <summary>Copies (files or folders) and symlinks. Refuses to overwrite what the worktree already has (a tracked file, say).</summary>
    public static void Apply(string repoRoot, string worktree, IReadOnlyList<string> copy, IReadOnlyList<string> link)
    {
        foreach (var relative in copy)
        {
            var (source, target) = Prepare(repoRoot, worktree, relative);
            if (Directory.Exists(source))
                CopyDirectory(source, target);
            else
                File.Copy(source, target);
        }

        foreach (var relative in link)
        {
            var (source, target) = Prepare(repoRoot, worktree, relative);
            if (Directory.Exists(source))
                Directory.CreateSymbolicLink(target, source);
            else
                File.CreateSymbolicLink(target, source);
        }
    }

    private static (string Source, string Target) Prepare(string repoRoot, string worktree, string relative)
    {
        var source = SourcePath(repoRoot, relative);
        var target = Path.GetFullPath(relative, worktree);
        // A relative path must stay inside the worktree: we never write outside it.
        if (!target.StartsWith(Path.TrimEndingDirectorySeparator(worktree) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new WorktreeException($"[setup] path '{relative}' points outside the worktree");
        if (Path.Exists(target))
            throw new WorktreeException($"[setup] cannot copy or link '{relative}': the new worktree already has it (is it tracked by git?)");
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        return (source, target);
    }

    private static string SourcePath(string repoRoot, string relative) => Path.GetFullPath(relative, repoRoot);

    private static void CopyDirectory(string source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var file in Directory.EnumerateFiles(source))
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        foreach (var dir in Directory.EnumerateDirectories(source))
            CopyDirectory(dir, Path.Combine(target, Path.GetFileName(dir)));
    }
}

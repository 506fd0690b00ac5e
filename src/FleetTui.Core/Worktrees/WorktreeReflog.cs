namespace FleetTui.Core.Worktrees;

/// <summary>
/// Reads the reflogs that die with a worktree and its branch, straight from the common git dir: the worktree's HEAD reflog
/// (<c>worktrees/&lt;id&gt;/logs/HEAD</c>, deleted by <c>git worktree remove</c>) and the branch's (<c>logs/refs/heads/&lt;branch&gt;</c>,
/// deleted with the branch). Every commit they name is a candidate for "reachable only from here".
/// </summary>
internal static class WorktreeReflog
{
    private static readonly string NoCommit = new('0', 40);

    public static IReadOnlySet<string> CommitsNamed(string commonDir, string worktreePath, string? branch)
    {
        var commits = new HashSet<string>(StringComparer.Ordinal);
        if (AdminDirOf(commonDir, worktreePath) is { } admin)
        {
            AddFromLog(Path.Combine(admin, "logs", "HEAD"), commits);
            var head = ReadOrEmpty(Path.Combine(admin, "HEAD")).Trim();
            if (IsSha(head))
                commits.Add(head); // a detached HEAD
        }

        if (branch is not null)
            AddFromLog(Path.Combine(commonDir, "logs", "refs", "heads", branch), commits);
        return commits;
    }

    /// <summary><c>&lt;common&gt;/worktrees/&lt;id&gt;</c> of the worktree at <paramref name="worktreePath"/> (its <c>gitdir</c> file points back to it).</summary>
    private static string? AdminDirOf(string commonDir, string worktreePath)
    {
        var admins = Path.Combine(commonDir, "worktrees");
        if (!Directory.Exists(admins))
            return null;
        var expected = Path.Combine(Path.TrimEndingDirectorySeparator(worktreePath), ".git");
        return Directory.EnumerateDirectories(admins)
            .FirstOrDefault(admin => ReadOrEmpty(Path.Combine(admin, "gitdir")).Trim() == expected);
    }

    private static void AddFromLog(string path, HashSet<string> commits)
    {
        foreach (var line in ReadOrEmpty(path).Split('\n'))
        {
            var fields = line.Split(' ', 3);
            for (var i = 0; i < Math.Min(2, fields.Length); i++)
            {
                if (IsSha(fields[i]) && fields[i] != NoCommit)
                    commits.Add(fields[i]);
            }
        }
    }

    private static bool IsSha(string text) => text.Length is 40 or 64 && text.All(char.IsAsciiHexDigitLower);

    private static string ReadOrEmpty(string path)
    {
        try
        {
            return File.Exists(path) ? File.ReadAllText(path) : "";
        }
        catch (IOException)
        {
            return "";
        }
    }
}

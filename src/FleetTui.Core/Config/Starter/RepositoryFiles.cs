namespace FleetTui.Core.Config.Starter;

/// <summary>Read-only looks at a repository's files for stack detection; never follows into dependency or build folders.</summary>
public static class RepositoryFiles
{
    /// <summary>Folders no project marker worth finding lives in (dependencies, build output, tool state).</summary>
    private static readonly HashSet<string> Skipped = new(StringComparer.Ordinal) { "node_modules", "bin", "obj", "target", "vendor", "dist", "build" };

    /// <summary>File names at <paramref name="root"/> (not below) matching any of the patterns, sorted.</summary>
    public static IReadOnlyList<string> AtRoot(string root, params string[] patterns) =>
        patterns.SelectMany(p => Directory.EnumerateFiles(root, p, new EnumerationOptions { MatchCasing = MatchCasing.CaseSensitive }))
            .Select(Path.GetFileName)
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>
    /// Paths relative to <paramref name="root"/> of files matching the patterns in sub-folders down to <paramref name="depth"/>
    /// levels (the root itself excluded), skipping hidden, dependency and build folders; sorted.
    /// </summary>
    public static IReadOnlyList<string> Below(string root, int depth, params string[] patterns)
    {
        var found = new List<string>();
        var level = new List<string> { root };
        for (var d = 1; d <= depth && level.Count > 0; d++)
        {
            level = level.SelectMany(SubFolders).ToList();
            foreach (var folder in level)
                found.AddRange(AtRoot(folder, patterns).Select(name => Path.GetRelativePath(root, Path.Combine(folder, name))));
        }

        return found.Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>The file's text, or null when there is no such file.</summary>
    public static string? Text(string root, string name)
    {
        var path = Path.Combine(root, name);
        return File.Exists(path) ? File.ReadAllText(path) : null;
    }

    public static bool Exists(string root, string name) => File.Exists(Path.Combine(root, name));

    private static IEnumerable<string> SubFolders(string folder)
    {
        try
        {
            return Directory.EnumerateDirectories(folder)
                .Where(d => Path.GetFileName(d) is { } name && !name.StartsWith('.') && !Skipped.Contains(name))
                .Where(d => !new DirectoryInfo(d).Attributes.HasFlag(FileAttributes.ReparsePoint))
                .ToList();
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            return [];
        }
    }
}

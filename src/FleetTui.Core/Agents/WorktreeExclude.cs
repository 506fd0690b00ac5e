using FleetTui.Core.Git;

namespace FleetTui.Core.Agents;

/// <summary>
/// Adds patterns to the <c>info/exclude</c> git reads for a worktree (<c>git rev-parse --git-path info/exclude</c>):
/// files fleet writes into a worktree stay invisible to git without touching the repository's own .gitignore.
/// </summary>
public static class WorktreeExclude
{
    public static async Task AddAsync(GitCli git, string worktree, IEnumerable<string> patterns, CancellationToken cancellationToken = default)
    {
        var wanted = patterns.ToList();
        if (wanted.Count == 0)
            return;
        var output = await git.RunAsync(worktree, ["rev-parse", "--path-format=absolute", "--git-path", "info/exclude"], cancellationToken).ConfigureAwait(false);
        var path = output.Trim();
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var existing = File.Exists(path) ? await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false) : "";
        var present = existing.Split('\n').Select(l => l.Trim()).ToHashSet(StringComparer.Ordinal);
        var missing = wanted.Where(p => !present.Contains(p)).Distinct().ToList();
        if (missing.Count == 0)
            return;
        var prefix = existing.Length == 0 || existing.EndsWith('\n') ? "" : "\n";
        await File.AppendAllTextAsync(path, prefix + "# added by fleet\n" + string.Join("\n", missing) + "\n", cancellationToken).ConfigureAwait(false);
    }
}

using LibGit2Sharp;

namespace FleetTui.Core.Worktrees;

/// <summary>
/// A worktree's ignore rules as git applies them (.gitignore files, info/exclude, core.excludesFile), through libgit2. A
/// folder git ignores is still watched when the index tracks a file in it (<c>git add -f</c>), since a change there shows in
/// <c>git status</c>; that list is read from the index only when an ignored folder is met, and again after <see cref="Reload"/>.
/// Uses the status reader's <see cref="Repository"/>, on its thread.
/// </summary>
internal sealed class GitIgnoreRules(Repository repository) : IIgnoreRules
{
    private HashSet<string>? _trackedFolders;

    public bool SkipsFolder(string folder) => repository.Ignore.IsPathIgnored(folder + "/") && !TrackedFolders.Contains(folder);

    // A tracked file's change shows in git status even where the rules ignore it.
    public bool IgnoresFile(string path) => repository.Ignore.IsPathIgnored(path) && repository.Index[path] is null;

    public void Reload() => _trackedFolders = null;

    private HashSet<string> TrackedFolders => _trackedFolders ??= ReadTrackedFolders();

    private HashSet<string> ReadTrackedFolders()
    {
        var folders = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in repository.Index)
        {
            var path = entry.Path.Replace('\\', '/');
            for (var slash = path.LastIndexOf('/'); slash > 0 && folders.Add(path[..slash]); slash = path.LastIndexOf('/', slash - 1))
            {
            }
        }
        return folders;
    }
}

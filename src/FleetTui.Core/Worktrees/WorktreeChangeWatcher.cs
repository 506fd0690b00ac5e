namespace FleetTui.Core.Worktrees;

/// <summary>
/// Remembers whether anything under a worktree changed since the last <see cref="TakeChanged"/>, so a status refresh can
/// skip the file scan of worktrees nobody touched. On Linux it is a <see cref="TreeWatch"/> (inotify, skipping the folders
/// git ignores); elsewhere, or when inotify cannot be had, a recursive <see cref="FileSystemWatcher"/>. When the watcher
/// overflows or fails it reports "changed" every time: never a stale answer, only a slower one.
/// </summary>
public sealed class WorktreeChangeWatcher : IDisposable
{
    private readonly TreeWatch? _tree;
    private readonly TreeWatchSet? _ownSet;
    private readonly FolderChangeFlag? _flag;

    /// <summary>A watcher of a plain folder with its own inotify instance; nothing in it is left out.</summary>
    public WorktreeChangeWatcher(string worktreePath)
        : this(worktreePath, null, NoIgnoreRules.Instance)
    {
    }

    /// <param name="set">The status reader's shared instance; null to make one of its own.</param>
    internal WorktreeChangeWatcher(string worktreePath, TreeWatchSet? set, IIgnoreRules ignores)
    {
        if (set is null)
            set = _ownSet = TreeWatchSet.TryCreate();
        if (set is not null)
        {
            _tree = set.Add(worktreePath, ignores);
            return;
        }
        _flag = new FolderChangeFlag(worktreePath, recursive: true,
            NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size, 64 * 1024, _ => true);
    }

    /// <summary>How many folders inotify watches for it (0 with the fallback watcher).</summary>
    public int WatchedFolders => _tree?.WatchedFolders ?? 0;

    /// <summary>True when something changed (or we cannot know) since the previous call; resets the flag.</summary>
    public bool TakeChanged() => _tree?.TakeChanged() ?? _flag!.TakeChanged();

    public void Dispose()
    {
        _tree?.Dispose();
        _ownSet?.Dispose();
        _flag?.Dispose();
    }
}

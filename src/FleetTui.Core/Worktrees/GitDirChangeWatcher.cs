namespace FleetTui.Core.Worktrees;

/// <summary>
/// Remembers whether a worktree's own git dir (<c>.git/worktrees/&lt;name&gt;</c> for a linked worktree) saw its
/// <c>index</c> or <c>HEAD</c> replaced since the last <see cref="TakeChanged"/>. The working-tree watcher cannot see these
/// (they live in the common dir, outside the worktree's folder), yet <c>git add</c>, <c>git reset</c> or a checkout change
/// what is uncommitted through them alone. One non-recursive inotify watch per worktree; git writes both files through a
/// <c>.lock</c> file renamed over them, so renames to those names count. Fails open like <see cref="WorktreeChangeWatcher"/>:
/// an overflow or an unwatchable folder reads "changed" every time.
/// </summary>
public sealed class GitDirChangeWatcher : IDisposable
{
    private static readonly string[] Watched = ["index", "HEAD"];

    private readonly FileSystemWatcher? _watcher;
    private int _changed = 1; // the first read always scans
    private volatile bool _broken;

    public GitDirChangeWatcher(string gitDir)
    {
        try
        {
            _watcher = new FileSystemWatcher(gitDir)
            {
                IncludeSubdirectories = false,
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size,
                InternalBufferSize = 8 * 1024,
            };
            _watcher.Changed += (_, e) => MarkIfWatched(e.Name);
            _watcher.Created += (_, e) => MarkIfWatched(e.Name);
            _watcher.Deleted += (_, e) => MarkIfWatched(e.Name);
            _watcher.Renamed += (_, e) =>
            {
                MarkIfWatched(e.Name);
                MarkIfWatched(e.OldName);
            };
            _watcher.Error += (_, _) => _broken = true;
            _watcher.EnableRaisingEvents = true;
        }
        catch (Exception error) when (error is IOException or ArgumentException or UnauthorizedAccessException)
        {
            _watcher?.Dispose();
            _watcher = null;
            _broken = true;
        }
    }

    /// <summary>True when the index or HEAD changed (or we cannot know) since the previous call; resets the flag.</summary>
    public bool TakeChanged() => Interlocked.Exchange(ref _changed, 0) == 1 || _broken;

    private void MarkIfWatched(string? name)
    {
        if (name is not null && Array.IndexOf(Watched, name) >= 0)
            Interlocked.Exchange(ref _changed, 1);
    }

    public void Dispose() => _watcher?.Dispose();
}

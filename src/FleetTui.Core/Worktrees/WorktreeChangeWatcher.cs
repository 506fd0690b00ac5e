namespace FleetTui.Core.Worktrees;

/// <summary>
/// Remembers whether anything under a worktree changed since the last <see cref="TakeChanged"/> (inotify through
/// <see cref="FileSystemWatcher"/>), so a status refresh can skip the file scan of worktrees nobody touched. When the watcher
/// overflows or fails it reports "changed" every time: never a stale answer, only a slower one.
/// </summary>
public sealed class WorktreeChangeWatcher : IDisposable
{
    private readonly FileSystemWatcher? _watcher;
    private int _changed = 1; // the first read always scans
    private volatile bool _broken;

    public WorktreeChangeWatcher(string worktreePath)
    {
        try
        {
            _watcher = new FileSystemWatcher(worktreePath)
            {
                IncludeSubdirectories = true,
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
                InternalBufferSize = 64 * 1024,
            };
            _watcher.Changed += (_, _) => MarkChanged();
            _watcher.Created += (_, _) => MarkChanged();
            _watcher.Deleted += (_, _) => MarkChanged();
            _watcher.Renamed += (_, _) => MarkChanged();
            _watcher.Error += (_, _) => _broken = true;
            _watcher.EnableRaisingEvents = true;
        }
        catch (Exception error) when (error is IOException or ArgumentException or UnauthorizedAccessException)
        {
            // Out of inotify watches, or the folder is unwatchable: fall back to scanning on every read.
            _watcher?.Dispose();
            _watcher = null;
            _broken = true;
        }
    }

    /// <summary>True when something changed (or we cannot know) since the previous call; resets the flag.</summary>
    public bool TakeChanged() => Interlocked.Exchange(ref _changed, 0) == 1 || _broken;

    private void MarkChanged() => Interlocked.Exchange(ref _changed, 1);

    public void Dispose() => _watcher?.Dispose();
}

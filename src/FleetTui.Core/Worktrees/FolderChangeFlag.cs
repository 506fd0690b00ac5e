namespace FleetTui.Core.Worktrees;

/// <summary>
/// Remembers whether a folder saw a change that counts since the last <see cref="TakeChanged"/> (inotify through
/// <see cref="FileSystemWatcher"/>). Fails open: when the watcher overflows, fails, or cannot watch the folder at all (out
/// of inotify watches), it reports "changed" every time: never a stale answer, only a slower one.
/// </summary>
internal sealed class FolderChangeFlag : IDisposable
{
    private readonly FileSystemWatcher? _watcher;
    private readonly Func<string?, bool> _counts;
    private int _changed = 1; // the first read always looks
    private volatile bool _broken;

    /// <param name="counts">Whether a change to this name (relative to the folder) counts.</param>
    public FolderChangeFlag(string folder, bool recursive, NotifyFilters filters, int bufferSize, Func<string?, bool> counts)
    {
        _counts = counts;
        try
        {
            _watcher = new FileSystemWatcher(folder)
            {
                IncludeSubdirectories = recursive,
                NotifyFilter = filters,
                InternalBufferSize = bufferSize,
            };
            _watcher.Changed += (_, e) => Mark(e.Name);
            _watcher.Created += (_, e) => Mark(e.Name);
            _watcher.Deleted += (_, e) => Mark(e.Name);
            _watcher.Renamed += (_, e) =>
            {
                Mark(e.Name);
                Mark(e.OldName);
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

    /// <summary>True when a change that counts happened (or we cannot know) since the previous call; resets the flag.</summary>
    public bool TakeChanged() => Interlocked.Exchange(ref _changed, 0) == 1 || _broken;

    private void Mark(string? name)
    {
        if (_counts(name))
            Interlocked.Exchange(ref _changed, 1);
    }

    public void Dispose() => _watcher?.Dispose();
}

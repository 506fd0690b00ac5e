namespace FleetTui.Core.Worktrees;

/// <summary>
/// Remembers whether anything under a worktree changed since the last <see cref="TakeChanged"/>, so a status refresh can
/// skip the file scan of worktrees nobody touched. When the watcher overflows or fails it reports "changed" every time:
/// never a stale answer, only a slower one.
/// </summary>
public sealed class WorktreeChangeWatcher(string worktreePath) : IDisposable
{
    private readonly FolderChangeFlag _flag = new(worktreePath, recursive: true,
        NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size, 64 * 1024, _ => true);

    /// <summary>True when something changed (or we cannot know) since the previous call; resets the flag.</summary>
    public bool TakeChanged() => _flag.TakeChanged();

    public void Dispose() => _flag.Dispose();
}

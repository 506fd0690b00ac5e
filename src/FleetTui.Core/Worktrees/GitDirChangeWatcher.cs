namespace FleetTui.Core.Worktrees;

/// <summary>
/// Remembers whether a worktree's own git dir (<c>.git/worktrees/&lt;name&gt;</c> for a linked worktree) saw its
/// <c>index</c> or <c>HEAD</c> replaced since the last <see cref="TakeChanged"/>. The working-tree watcher cannot see these
/// (they live in the common dir, outside the worktree's folder), yet <c>git add</c>, <c>git reset</c> or a checkout change
/// what is uncommitted through them alone. One non-recursive inotify watch per worktree; git writes both files through a
/// <c>.lock</c> file renamed over them, so renames to those names count. Fails open like <see cref="WorktreeChangeWatcher"/>:
/// an overflow or an unwatchable folder reads "changed" every time.
/// </summary>
public sealed class GitDirChangeWatcher(string gitDir) : IDisposable
{
    private static readonly string[] Watched = ["index", "HEAD"];

    private readonly FolderChangeFlag _flag = new(gitDir, recursive: false,
        NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size, 8 * 1024, name => name is not null && Array.IndexOf(Watched, name) >= 0);

    /// <summary>True when the index or HEAD changed (or we cannot know) since the previous call; resets the flag.</summary>
    public bool TakeChanged() => _flag.TakeChanged();

    public void Dispose() => _flag.Dispose();
}

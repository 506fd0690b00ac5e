namespace FleetTui.Core.Worktrees;

/// <summary>
/// One working tree's watches in a <see cref="TreeWatchSet"/>: a watch per folder, except <c>.git</c> and the folders
/// <see cref="IIgnoreRules"/> skips, and whether a change that counts happened since <see cref="TakeChanged"/>. Folders made
/// later are watched as their creation is read. Fails open: out of watches, or events lost, it reads "changed" (every time
/// once out of watches): never a stale answer, only a slower one.
/// </summary>
internal sealed class TreeWatch : IDisposable
{
    private readonly TreeWatchSet _set;
    private readonly IIgnoreRules _ignores;
    private readonly HashSet<int> _wds = [];
    private int _rootWd = -1;
    private bool _changed = true; // the first read always looks
    private bool _broken;
    private bool _rulesChanged;

    internal TreeWatch(TreeWatchSet set, string root, IIgnoreRules ignores)
    {
        _set = set;
        Root = root;
        _ignores = ignores;
    }

    public string Root { get; }

    /// <summary>How many folders are watched (what skipping ignored folders saves shows here).</summary>
    public int WatchedFolders => _wds.Count;

    /// <summary>True when a change that counts happened (or we cannot know) since the previous call; resets the flag.</summary>
    public bool TakeChanged()
    {
        _set.Drain();
        var changed = _changed || _broken;
        _changed = false;
        return changed;
    }

    /// <summary>Watches <paramref name="top"/> and every folder under it that counts.</summary>
    internal void Walk(string top)
    {
        var pending = new Stack<string>();
        pending.Push(top);
        while (pending.Count > 0 && !_broken)
        {
            var folder = pending.Pop();
            if (!_set.TryWatch(this, folder, out var wd, out var gone))
            {
                _broken = true; // out of inotify watches
                return;
            }
            if (gone)
                continue;
            _wds.Add(wd);
            if (folder.Length == 0)
                _rootWd = wd;
            // Listed after the watch is in place: a folder made meanwhile is either listed here or reported by the watch.
            foreach (var child in Subfolders(folder))
                pending.Push(child);
        }
    }

    private IEnumerable<string> Subfolders(string folder)
    {
        var full = folder.Length == 0 ? Root : Path.Combine(Root, folder);
        var options = new EnumerationOptions { AttributesToSkip = FileAttributes.ReparsePoint, IgnoreInaccessible = true, RecurseSubdirectories = false };
        IEnumerable<string> names;
        try
        {
            names = Directory.EnumerateDirectories(full, "*", options).Select(Path.GetFileName).OfType<string>().ToList();
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            yield break;
        }
        foreach (var name in names)
        {
            var child = folder.Length == 0 ? name : $"{folder}/{name}";
            if (name != ".git" && !_ignores.SkipsFolder(child))
                yield return child;
        }
    }

    internal void Saw(string folder, string name, uint mask)
    {
        if (name.Length == 0)
        {
            // An event on the watched folder itself: only its removal matters (its parent reports that too).
            if ((mask & Inotify.IN_DELETE_SELF) != 0)
                _changed = true;
            return;
        }
        if (name == ".git")
            return;
        var path = folder.Length == 0 ? name : $"{folder}/{name}";
        if (name == ".gitignore")
            _rulesChanged = true;
        if ((mask & Inotify.IN_ISDIR) != 0)
        {
            if (_ignores.SkipsFolder(path))
                return;
            if ((mask & (Inotify.IN_CREATE | Inotify.IN_MOVED_TO)) != 0)
                Walk(path);
            _changed = true;
            return;
        }
        if (!_changed && !_ignores.IgnoresFile(path))
            _changed = true;
    }

    internal void Unwatched(int wd, string folder)
    {
        _wds.Remove(wd);
        if (wd == _rootWd)
            _changed = true; // the worktree itself went away
    }

    internal void Break() => _broken = true;

    internal void Overflowed()
    {
        _changed = true;
        _rulesChanged = true;
    }

    /// <summary>After a drain: a changed .gitignore (or lost events) may have un-ignored folders, so the tree is walked again.</summary>
    internal void CatchUp()
    {
        if (!_rulesChanged)
            return;
        _rulesChanged = false;
        _ignores.Reload();
        Walk("");
    }

    public void Dispose() => _set.Remove(this, _wds);
}

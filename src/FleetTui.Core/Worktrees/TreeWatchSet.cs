using System.Runtime.InteropServices;

namespace FleetTui.Core.Worktrees;

/// <summary>
/// One inotify instance for the working trees of a fleet (<see cref="TreeWatch"/> each), read only when a status refresh asks
/// (<see cref="Drain"/>): no thread, no callbacks, and one instance whatever the number of tasks (the user's limit is 128
/// instances, shared by every program). Unlike a recursive <see cref="FileSystemWatcher"/>, a tree's watches skip the folders
/// git ignores (<c>node_modules</c>, <c>bin</c>, build output): they cost no watches, and a build writing there does not make
/// its worktree look changed. Not thread-safe: the status reader's single writer loop owns it.
/// </summary>
internal sealed unsafe class TreeWatchSet : IDisposable
{
    private const uint WatchMask = Inotify.IN_MODIFY | Inotify.IN_ATTRIB | Inotify.IN_MOVED_FROM | Inotify.IN_MOVED_TO
        | Inotify.IN_CREATE | Inotify.IN_DELETE | Inotify.IN_DELETE_SELF | Inotify.IN_ONLYDIR | Inotify.IN_DONT_FOLLOW | Inotify.IN_EXCL_UNLINK;

    private readonly int _fd;
    private readonly Dictionary<int, (TreeWatch Tree, string Folder)> _watches = [];
    private readonly List<TreeWatch> _trees = [];
    private readonly byte[] _buffer = new byte[64 * 1024];

    private TreeWatchSet(int fd) => _fd = fd;

    /// <summary>A new set, or null where inotify is not available (not Linux, or out of instances): callers fall back.</summary>
    public static TreeWatchSet? TryCreate()
    {
        if (!OperatingSystem.IsLinux())
            return null;
        var fd = Inotify.inotify_init1(Inotify.IN_NONBLOCK | Inotify.IN_CLOEXEC);
        return fd < 0 ? null : new TreeWatchSet(fd);
    }

    /// <summary>Watches the tree at <paramref name="root"/>, every folder of it but <c>.git</c> and those <paramref name="ignores"/> skips.</summary>
    public TreeWatch Add(string root, IIgnoreRules ignores)
    {
        var tree = new TreeWatch(this, root, ignores);
        _trees.Add(tree);
        tree.Walk("");
        return tree;
    }

    /// <summary>Adds a watch on <paramref name="folder"/> (relative to the tree's root); false when the limit is reached.</summary>
    internal bool TryWatch(TreeWatch tree, string folder, out int wd, out bool gone)
    {
        var full = folder.Length == 0 ? tree.Root : Path.Combine(tree.Root, folder);
        wd = Inotify.inotify_add_watch(_fd, full, WatchMask);
        gone = false;
        if (wd >= 0)
        {
            _watches[wd] = (tree, folder);
            return true;
        }
        // ENOENT or ENOTDIR: removed (or replaced by a file) since it was listed; its parent's watch saw that.
        var error = Marshal.GetLastPInvokeError();
        gone = error is 2 or 20;
        return gone;
    }

    internal void Remove(TreeWatch tree, IEnumerable<int> wds)
    {
        foreach (var wd in wds)
        {
            if (_watches.Remove(wd))
                Inotify.inotify_rm_watch(_fd, wd);
        }
        _trees.Remove(tree);
    }

    /// <summary>Reads every event queued so far and hands each to its tree.</summary>
    public void Drain()
    {
        var overflowed = false;
        fixed (byte* buffer = _buffer)
        {
            while (true)
            {
                var read = Inotify.read(_fd, buffer, (nuint)_buffer.Length);
                if (read < 0)
                {
                    var error = Marshal.GetLastPInvokeError();
                    if (error == Inotify.EINTR)
                        continue;
                    if (error != Inotify.EAGAIN)
                    {
                        foreach (var tree in _trees)
                            tree.Break();
                    }
                    break;
                }
                if (read == 0)
                    break;
                overflowed |= Dispatch(new ReadOnlySpan<byte>(buffer, (int)read));
            }
        }

        // Events were lost: every tree has changed as far as we know, and folders made meanwhile are not watched yet.
        foreach (var tree in _trees.ToList())
        {
            if (overflowed)
                tree.Overflowed();
            tree.CatchUp();
        }
    }

    /// <returns>Whether the kernel's queue overflowed.</returns>
    private bool Dispatch(ReadOnlySpan<byte> events)
    {
        var overflowed = false;
        for (var offset = 0; offset + Inotify.EventHeaderSize <= events.Length;)
        {
            var wd = MemoryMarshal.Read<int>(events[offset..]);
            var mask = MemoryMarshal.Read<uint>(events[(offset + 4)..]);
            var length = MemoryMarshal.Read<int>(events[(offset + 12)..]);
            var nameBytes = events.Slice(offset + Inotify.EventHeaderSize, length);
            offset += Inotify.EventHeaderSize + length;

            if ((mask & Inotify.IN_Q_OVERFLOW) != 0)
            {
                overflowed = true;
                continue;
            }
            if (!_watches.TryGetValue(wd, out var watch))
                continue;
            if ((mask & Inotify.IN_IGNORED) != 0)
            {
                _watches.Remove(wd);
                watch.Tree.Unwatched(wd, watch.Folder);
                continue;
            }
            var end = nameBytes.IndexOf((byte)0);
            var name = System.Text.Encoding.UTF8.GetString(end < 0 ? nameBytes : nameBytes[..end]);
            watch.Tree.Saw(watch.Folder, name, mask);
        }
        return overflowed;
    }

    public void Dispose()
    {
        _watches.Clear();
        _trees.Clear();
        Inotify.close(_fd);
    }
}

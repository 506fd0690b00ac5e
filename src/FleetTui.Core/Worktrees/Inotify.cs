using System.Runtime.InteropServices;

namespace FleetTui.Core.Worktrees;

/// <summary>The Linux inotify calls <see cref="TreeWatchSet"/> needs (x86-64 and arm64 share these constants).</summary>
internal static unsafe partial class Inotify
{
    private const string Library = "libc.so.6";

    public const int IN_NONBLOCK = 0x800;
    public const int IN_CLOEXEC = 0x80000;

    public const uint IN_MODIFY = 0x00000002;
    public const uint IN_ATTRIB = 0x00000004;
    public const uint IN_CLOSE_WRITE = 0x00000008;
    public const uint IN_MOVED_FROM = 0x00000040;
    public const uint IN_MOVED_TO = 0x00000080;
    public const uint IN_CREATE = 0x00000100;
    public const uint IN_DELETE = 0x00000200;
    public const uint IN_DELETE_SELF = 0x00000400;
    public const uint IN_Q_OVERFLOW = 0x00004000;
    public const uint IN_IGNORED = 0x00008000;
    public const uint IN_ONLYDIR = 0x01000000;
    public const uint IN_DONT_FOLLOW = 0x02000000;
    public const uint IN_EXCL_UNLINK = 0x04000000;
    public const uint IN_ISDIR = 0x40000000;

    public const int EINTR = 4;
    public const int EAGAIN = 11;

    /// <summary>wd, mask, cookie, len: the fixed part of a struct inotify_event; the name (len bytes, NUL padded) follows.</summary>
    public const int EventHeaderSize = 16;

    [LibraryImport(Library, SetLastError = true)]
    public static partial int inotify_init1(int flags);

    [LibraryImport(Library, SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int inotify_add_watch(int fd, string path, uint mask);

    [LibraryImport(Library, SetLastError = true)]
    public static partial int inotify_rm_watch(int fd, int wd);

    [LibraryImport(Library, SetLastError = true)]
    public static partial nint read(int fd, byte* buffer, nuint count);

    [LibraryImport(Library, SetLastError = true)]
    public static partial int close(int fd);
}

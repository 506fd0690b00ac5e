using System.Runtime.InteropServices;

namespace FleetTui.Terminal.Pty;

/// <summary>
/// The few glibc entry points the PTY host needs (Linux, x86-64 and arm64 share every constant used here).
/// Functions that report failure through errno are imported with <c>SetLastError</c>; the posix_spawn family and
/// <c>ptsname_r</c> return the error number directly.
/// </summary>
internal static unsafe partial class Libc
{
    // The versioned name: plain "libc.so" is a linker script on machines with libc6-dev, which dlopen cannot load.
    private const string Library = "libc.so.6";

    internal const int O_RDWR = 0x2;
    internal const int O_NOCTTY = 0x100;
    internal const int O_NONBLOCK = 0x800;
    internal const int O_CLOEXEC = 0x80000;
    internal const int O_WRONLY = 0x1;
    internal const int O_CREAT = 0x40;
    internal const int O_APPEND = 0x400;

    internal const int EINTR = 4;
    internal const int EIO = 5;
    internal const int EAGAIN = 11;
    internal const int ECHILD = 10;
    internal const int ESRCH = 3;
    internal const int ENOENT = 2;

    internal const short POSIX_SPAWN_SETSIGDEF = 0x04;
    internal const short POSIX_SPAWN_SETSIGMASK = 0x08;
    internal const short POSIX_SPAWN_SETSID = 0x80;

    internal const short POLLIN = 0x1;
    internal const short POLLOUT = 0x4;
    internal const short POLLERR = 0x8;
    internal const short POLLHUP = 0x10;
    internal const short POLLNVAL = 0x20;

    internal const nuint TIOCSWINSZ = 0x5414;
    internal const int WNOHANG = 1;
    internal const int X_OK = 1;
    internal const int EFD_NONBLOCK = 0x800;
    internal const int EFD_CLOEXEC = 0x80000;

    /// <summary>glibc's posix_spawnattr_t is 336 bytes and posix_spawn_file_actions_t 80 on x86-64; leave room.</summary>
    internal const int SpawnStructSize = 1024;

    /// <summary>sigset_t is 1024 bits in glibc.</summary>
    internal const int SigSetSize = 128;

    [StructLayout(LayoutKind.Sequential)]
    internal struct PollFd
    {
        public int Fd;
        public short Events;
        public short ReturnedEvents;
    }

    [StructLayout(LayoutKind.Sequential)]
    internal struct WinSize
    {
        public ushort Rows;
        public ushort Columns;
        public ushort PixelWidth;
        public ushort PixelHeight;
    }

    [LibraryImport(Library, SetLastError = true)]
    internal static partial int posix_openpt(int flags);

    [LibraryImport(Library, SetLastError = true)]
    internal static partial int grantpt(int fd);

    [LibraryImport(Library, SetLastError = true)]
    internal static partial int unlockpt(int fd);

    [LibraryImport(Library)]
    internal static partial int ptsname_r(int fd, byte* buffer, nuint length);

    [LibraryImport(Library, SetLastError = true)]
    internal static partial int close(int fd);

    [LibraryImport(Library, SetLastError = true)]
    internal static partial nint read(int fd, byte* buffer, nuint count);

    [LibraryImport(Library, SetLastError = true)]
    internal static partial nint write(int fd, byte* buffer, nuint count);

    [LibraryImport(Library, SetLastError = true)]
    internal static partial int poll(PollFd* fds, nuint count, int timeoutMilliseconds);

    [LibraryImport(Library, SetLastError = true)]
    internal static partial int ioctl(int fd, nuint request, void* argument);

    [LibraryImport(Library, SetLastError = true)]
    internal static partial int tcgetpgrp(int fd);

    internal const int PRIO_PROCESS = 0;

    /// <summary>With <see cref="PRIO_PROCESS"/> and a thread id, sets that one thread's nice value (Linux semantics).</summary>
    [LibraryImport(Library, SetLastError = true)]
    internal static partial int setpriority(int which, uint who, int priority);

    [LibraryImport(Library)]
    internal static partial int gettid();

    [LibraryImport(Library, SetLastError = true)]
    internal static partial int kill(int pid, int signal);

    [LibraryImport(Library, SetLastError = true)]
    internal static partial int waitpid(int pid, int* status, int options);

    [LibraryImport(Library, SetLastError = true)]
    internal static partial int pidfd_open(int pid, uint flags);

    [LibraryImport(Library, SetLastError = true)]
    internal static partial int eventfd(uint initialValue, int flags);

    [LibraryImport(Library, SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int access(string path, int mode);

    [LibraryImport(Library)]
    internal static partial int sigemptyset(void* set);

    [LibraryImport(Library)]
    internal static partial int sigfillset(void* set);

    [LibraryImport(Library)]
    internal static partial int posix_spawnattr_init(void* attributes);

    [LibraryImport(Library)]
    internal static partial int posix_spawnattr_destroy(void* attributes);

    [LibraryImport(Library)]
    internal static partial int posix_spawnattr_setflags(void* attributes, short flags);

    [LibraryImport(Library)]
    internal static partial int posix_spawnattr_setsigmask(void* attributes, void* set);

    [LibraryImport(Library)]
    internal static partial int posix_spawnattr_setsigdefault(void* attributes, void* set);

    [LibraryImport(Library)]
    internal static partial int posix_spawn_file_actions_init(void* actions);

    [LibraryImport(Library)]
    internal static partial int posix_spawn_file_actions_destroy(void* actions);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int posix_spawn_file_actions_addopen(void* actions, int fd, string path, int flags, uint mode);

    [LibraryImport(Library)]
    internal static partial int posix_spawn_file_actions_adddup2(void* actions, int fd, int newFd);

    [LibraryImport(Library)]
    internal static partial int posix_spawn_file_actions_addclosefrom_np(void* actions, int lowFd);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int posix_spawn_file_actions_addchdir_np(void* actions, string path);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int posix_spawnp(int* pid, string file, void* actions, void* attributes, byte** argv, byte** envp);

    internal static int LastError => Marshal.GetLastPInvokeError();

    internal static string ErrorText(int errorNumber) => Marshal.GetPInvokeErrorMessage(errorNumber);
}

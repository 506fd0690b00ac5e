using System.Runtime.InteropServices;

namespace FleetTui.Core.Processes;

/// <summary>
/// The glibc entry points running a command in its own process group needs (Linux; x86-64 and arm64 share these constants).
/// The same calls FleetTui.Terminal's PTY host makes (posix_spawn, never fork from a multi-threaded runtime), declared again here
/// because Core does not reference the terminal assembly. The posix_spawn family returns the error number; the others set errno.
/// </summary>
internal static unsafe partial class Posix
{
    // The versioned name: plain "libc.so" is a linker script on machines with libc6-dev, which dlopen cannot load.
    private const string Library = "libc.so.6";

    public const int O_RDONLY = 0x0;
    public const int O_WRONLY = 0x1;
    public const int O_CREAT = 0x40;
    public const int O_APPEND = 0x400;
    public const int O_CLOEXEC = 0x80000;

    public const int EINTR = 4;
    public const int ECHILD = 10;

    public const int SIGKILL = 9;

    public const short POSIX_SPAWN_SETSIGDEF = 0x04;
    public const short POSIX_SPAWN_SETSIGMASK = 0x08;
    public const short POSIX_SPAWN_SETSID = 0x80;

    public const int P_PID = 1;
    public const int WEXITED = 4;
    public const int WNOWAIT = 0x01000000;

    /// <summary>glibc's posix_spawnattr_t is 336 bytes and posix_spawn_file_actions_t 80 on x86-64; leave room.</summary>
    public const int SpawnStructSize = 1024;

    /// <summary>sigset_t is 1024 bits in glibc.</summary>
    public const int SigSetSize = 128;

    /// <summary>siginfo_t is 128 bytes.</summary>
    public const int SigInfoSize = 128;

    [LibraryImport(Library, SetLastError = true)]
    public static partial int kill(int pid, int signal);

    [LibraryImport(Library, SetLastError = true)]
    public static partial int waitpid(int pid, int* status, int options);

    [LibraryImport(Library, SetLastError = true)]
    public static partial int waitid(int idType, uint id, void* info, int options);

    [LibraryImport(Library, SetLastError = true)]
    public static partial int pipe2(int* fds, int flags);

    [LibraryImport(Library, SetLastError = true)]
    public static partial int close(int fd);

    [LibraryImport(Library, SetLastError = true)]
    public static partial nint write(int fd, byte* buffer, nuint count);

    [LibraryImport(Library)]
    public static partial int sigemptyset(void* set);

    [LibraryImport(Library)]
    public static partial int sigfillset(void* set);

    [LibraryImport(Library)]
    public static partial int posix_spawnattr_init(void* attributes);

    [LibraryImport(Library)]
    public static partial int posix_spawnattr_destroy(void* attributes);

    [LibraryImport(Library)]
    public static partial int posix_spawnattr_setflags(void* attributes, short flags);

    [LibraryImport(Library)]
    public static partial int posix_spawnattr_setsigmask(void* attributes, void* set);

    [LibraryImport(Library)]
    public static partial int posix_spawnattr_setsigdefault(void* attributes, void* set);

    [LibraryImport(Library)]
    public static partial int posix_spawn_file_actions_init(void* actions);

    [LibraryImport(Library)]
    public static partial int posix_spawn_file_actions_destroy(void* actions);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int posix_spawn_file_actions_addopen(void* actions, int fd, string path, int flags, uint mode);

    [LibraryImport(Library)]
    public static partial int posix_spawn_file_actions_adddup2(void* actions, int fd, int newFd);

    [LibraryImport(Library)]
    public static partial int posix_spawn_file_actions_addclosefrom_np(void* actions, int lowFd);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int posix_spawn_file_actions_addchdir_np(void* actions, string path);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int posix_spawn(int* pid, string path, void* actions, void* attributes, byte** argv, byte** envp);

    public static int LastError => Marshal.GetLastPInvokeError();

    public static string ErrorText(int errorNumber) => Marshal.GetPInvokeErrorMessage(errorNumber);
}

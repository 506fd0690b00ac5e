using System.Runtime.InteropServices;

namespace FleetTui.Terminal.Pty;

/// <summary>
/// Linux pseudo-terminals over glibc: posix_openpt for the master, posix_spawnp for the child (never fork: the
/// runtime is multi-threaded). The child leads a new session whose controlling terminal is the slave, starts with
/// default signal dispositions and an empty mask (the runtime ignores SIGPIPE; children must not inherit that), and
/// inherits no descriptor but 0, 1 and 2. Linux only (glibc): elsewhere <see cref="Spawn"/> throws
/// <see cref="PlatformNotSupportedException"/>.
/// </summary>
public sealed class UnixPtyHost : IPtyHost
{
    public IPtyProcess Spawn(PtySpawnOptions options, PtyOutputHandler onOutput)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(onOutput);
        if (!OperatingSystem.IsLinux())
        {
            throw new PlatformNotSupportedException("UnixPtyHost drives Linux pseudo-terminals through glibc; this is not Linux");
        }

        Validate(options);

        string command = options.Arguments[0];
        string workingDirectory = options.WorkingDirectory ?? Environment.CurrentDirectory;
        if (!Directory.Exists(workingDirectory))
        {
            throw new PtySpawnException(command, Libc.ENOENT,
                $"Cannot start '{command}': working directory '{workingDirectory}' does not exist ({Libc.ErrorText(Libc.ENOENT)})");
        }

        Dictionary<string, string> environment = ChildEnvironment.Build(options);
        string executable = ExecutableLookup.Find(command, environment.GetValueOrDefault("PATH"), workingDirectory)
            ?? throw new PtySpawnException(command, Libc.ENOENT,
                $"Cannot start '{command}': command not found in PATH '{environment.GetValueOrDefault("PATH")}' ({Libc.ErrorText(Libc.ENOENT)})");

        int master = -1;
        int wakeFd = -1;
        try
        {
            master = OpenMaster(command, out string slavePath);
            SetWindowSize(master, options.Columns, options.Rows);
            wakeFd = Libc.eventfd(0, Libc.EFD_CLOEXEC | Libc.EFD_NONBLOCK);
            if (wakeFd < 0)
            {
                throw Failure(command, "eventfd", Libc.LastError);
            }

            int pid = SpawnOnSlave(command, executable, options, environment, slavePath, workingDirectory);

            // A pidfd lets the I/O thread wait for the exit in the same poll as the output; without one (old kernels)
            // it falls back to checking waitpid(WNOHANG) on a short poll timeout.
            int pidFd = Libc.pidfd_open(pid, 0);
            var process = new UnixPtyProcess(master, wakeFd, pid, pidFd, slavePath, options, onOutput);
            master = wakeFd = -1; // owned by the process now
            return process;
        }
        finally
        {
            if (master >= 0)
            {
                Libc.close(master);
            }

            if (wakeFd >= 0)
            {
                Libc.close(wakeFd);
            }
        }
    }

    internal static void SetWindowSize(int master, int columns, int rows)
    {
        var size = new Libc.WinSize { Columns = (ushort)columns, Rows = (ushort)rows };
        unsafe
        {
            if (Libc.ioctl(master, Libc.TIOCSWINSZ, &size) != 0)
            {
                int error = Libc.LastError;
                throw new IOException($"Cannot set the terminal size to {columns}x{rows}: {Libc.ErrorText(error)}");
            }
        }
    }

    private static void Validate(PtySpawnOptions options)
    {
        if (options.Arguments is null || options.Arguments.Count == 0 || string.IsNullOrEmpty(options.Arguments[0]))
        {
            throw new ArgumentException("A PTY child needs a command: Arguments is empty", nameof(options));
        }

        if (options.Columns is < 1 or > ushort.MaxValue || options.Rows is < 1 or > ushort.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(options), $"Terminal size {options.Columns}x{options.Rows} is out of range (1..65535)");
        }
    }

    private static unsafe int OpenMaster(string command, out string slavePath)
    {
        // Non-blocking so the I/O thread can poll output, input and the child's exit together and be woken to stop.
        int master = Libc.posix_openpt(Libc.O_RDWR | Libc.O_NOCTTY | Libc.O_CLOEXEC | Libc.O_NONBLOCK);
        if (master < 0)
        {
            throw Failure(command, "posix_openpt", Libc.LastError);
        }

        try
        {
            if (Libc.grantpt(master) != 0)
            {
                throw Failure(command, "grantpt", Libc.LastError);
            }

            if (Libc.unlockpt(master) != 0)
            {
                throw Failure(command, "unlockpt", Libc.LastError);
            }

            byte* name = stackalloc byte[128];
            int error = Libc.ptsname_r(master, name, 128);
            if (error != 0)
            {
                throw Failure(command, "ptsname_r", error);
            }

            slavePath = Marshal.PtrToStringUTF8((nint)name)!;
            return master;
        }
        catch
        {
            Libc.close(master);
            throw;
        }
    }

    private static unsafe int SpawnOnSlave(
        string command,
        string executable,
        PtySpawnOptions options,
        Dictionary<string, string> environment,
        string slavePath,
        string workingDirectory)
    {
        using var argv = new NativeStringArray(options.Arguments);
        using var envp = new NativeStringArray(ChildEnvironment.ToEnvp(environment));
        void* attributes = NativeMemory.AllocZeroed(Libc.SpawnStructSize);
        void* actions = NativeMemory.AllocZeroed(Libc.SpawnStructSize);
        byte* signals = stackalloc byte[Libc.SigSetSize];
        bool attributesReady = false;
        bool actionsReady = false;
        try
        {
            Check(command, "posix_spawnattr_init", Libc.posix_spawnattr_init(attributes));
            attributesReady = true;
            Check(command, "posix_spawnattr_setflags", Libc.posix_spawnattr_setflags(attributes,
                Libc.POSIX_SPAWN_SETSID | Libc.POSIX_SPAWN_SETSIGMASK | Libc.POSIX_SPAWN_SETSIGDEF));
            Libc.sigemptyset(signals);
            Check(command, "posix_spawnattr_setsigmask", Libc.posix_spawnattr_setsigmask(attributes, signals));
            Libc.sigfillset(signals);
            ResetGlibcInternalSignalsToo(signals);
            Check(command, "posix_spawnattr_setsigdefault", Libc.posix_spawnattr_setsigdefault(attributes, signals));

            Check(command, "posix_spawn_file_actions_init", Libc.posix_spawn_file_actions_init(actions));
            actionsReady = true;

            // glibc applies SETSID before the file actions, so opening the slave without O_NOCTTY makes it the
            // child's controlling terminal.
            Check(command, "addopen", Libc.posix_spawn_file_actions_addopen(actions, 0, slavePath, Libc.O_RDWR, 0));
            Check(command, "adddup2", Libc.posix_spawn_file_actions_adddup2(actions, 0, 1));
            Check(command, "adddup2", Libc.posix_spawn_file_actions_adddup2(actions, 0, 2));
            Check(command, "addclosefrom_np", Libc.posix_spawn_file_actions_addclosefrom_np(actions, 3));
            Check(command, "addchdir_np", Libc.posix_spawn_file_actions_addchdir_np(actions, workingDirectory));

            int pid;
            int error = Libc.posix_spawnp(&pid, executable, actions, attributes, argv.Pointers, envp.Pointers);
            if (error != 0)
            {
                throw new PtySpawnException(command, error,
                    $"Cannot start '{command}' ({executable}) in '{workingDirectory}': {Libc.ErrorText(error)}");
            }

            return pid;
        }
        finally
        {
            if (actionsReady)
            {
                Libc.posix_spawn_file_actions_destroy(actions);
            }

            if (attributesReady)
            {
                Libc.posix_spawnattr_destroy(attributes);
            }

            NativeMemory.Free(actions);
            NativeMemory.Free(attributes);
        }
    }

    /// <summary>
    /// sigfillset leaves out glibc's internal signals 32 and 33, and for those posix_spawn then sets SIG_IGN in the
    /// child, which survives exec (a fork-and-exec shell gives its children SIG_DFL). They are only ever sent to
    /// threads of our own process, so defaulting them in the child is safe; glibc tests the set bit by bit.
    /// </summary>
    private static unsafe void ResetGlibcInternalSignalsToo(byte* signals)
    {
        foreach (int signal in (ReadOnlySpan<int>)[32, 33])
        {
            signals[(signal - 1) / 8] |= (byte)(1 << ((signal - 1) % 8));
        }
    }

    private static void Check(string command, string step, int error)
    {
        if (error != 0)
        {
            throw Failure(command, step, error);
        }
    }

    private static PtySpawnException Failure(string command, string step, int error) =>
        new(command, error, $"Cannot start '{command}': {step} failed: {Libc.ErrorText(error)}");
}

using System.Runtime.InteropServices;

namespace FleetTui.Terminal.Pty;

/// <summary>
/// Starts a program that outlives its starter and its terminal, as a daemon does: its own session (no controlling
/// terminal, so no SIGHUP when the terminal goes), stdin from /dev/null, stdout and stderr appended to a private log
/// file, no inherited descriptor beyond those, default signal dispositions. posix_spawn, never fork (the runtime is
/// multi-threaded). The starter reaps it on a background thread if it ends first, so no zombie is left behind.
/// </summary>
public static class DetachedProcess
{
    /// <summary>Starts <paramref name="argv"/> (argv[0] looked up on PATH) in <paramref name="workingDirectory"/>; returns its pid.</summary>
    /// <exception cref="PtySpawnException">The program could not be started.</exception>
    public static int Start(IReadOnlyList<string> argv, string workingDirectory, string outputPath, IReadOnlyDictionary<string, string?>? environment = null)
    {
        if (!OperatingSystem.IsLinux())
            throw new PlatformNotSupportedException("DetachedProcess starts programs through glibc; this is not Linux");
        if (argv.Count == 0)
            throw new ArgumentException("a program needs argv[0]", nameof(argv));
        var options = new PtySpawnOptions(argv)
        {
            WorkingDirectory = workingDirectory,
            InheritEnvironment = true,
            Environment = environment ?? new Dictionary<string, string?>(),
        };
        var variables = ChildEnvironment.BuildPlain(options);
        var executable = ExecutableLookup.Find(argv[0], variables.GetValueOrDefault("PATH"), workingDirectory)
            ?? throw new PtySpawnException(argv[0], Libc.ENOENT, $"Cannot start '{argv[0]}': command not found in PATH '{variables.GetValueOrDefault("PATH")}'");
        var pid = Spawn(argv, executable, variables, workingDirectory, outputPath);
        var reaper = new Thread(() => Reap(pid)) { IsBackground = true, Name = $"reap {pid}" };
        reaper.Start();
        return pid;
    }

    private static unsafe int Spawn(IReadOnlyList<string> argv, string executable, Dictionary<string, string> variables, string workingDirectory, string outputPath)
    {
        using var arguments = new NativeStringArray(argv);
        using var envp = new NativeStringArray(ChildEnvironment.ToEnvp(variables));
        void* attributes = NativeMemory.AllocZeroed(Libc.SpawnStructSize);
        void* actions = NativeMemory.AllocZeroed(Libc.SpawnStructSize);
        byte* signals = stackalloc byte[Libc.SigSetSize];
        try
        {
            Check(argv[0], Libc.posix_spawnattr_init(attributes));
            Check(argv[0], Libc.posix_spawnattr_setflags(attributes, Libc.POSIX_SPAWN_SETSID | Libc.POSIX_SPAWN_SETSIGMASK | Libc.POSIX_SPAWN_SETSIGDEF));
            Libc.sigemptyset(signals);
            Check(argv[0], Libc.posix_spawnattr_setsigmask(attributes, signals));
            Libc.sigfillset(signals);
            Check(argv[0], Libc.posix_spawnattr_setsigdefault(attributes, signals));
            Check(argv[0], Libc.posix_spawn_file_actions_init(actions));
            Check(argv[0], Libc.posix_spawn_file_actions_addopen(actions, 0, "/dev/null", Libc.O_RDWR, 0));
            Check(argv[0], Libc.posix_spawn_file_actions_addopen(actions, 1, outputPath, Libc.O_WRONLY | Libc.O_CREAT | Libc.O_APPEND, 0b110_000_000));
            Check(argv[0], Libc.posix_spawn_file_actions_adddup2(actions, 1, 2));
            Check(argv[0], Libc.posix_spawn_file_actions_addclosefrom_np(actions, 3));
            Check(argv[0], Libc.posix_spawn_file_actions_addchdir_np(actions, workingDirectory));
            int pid;
            var error = Libc.posix_spawnp(&pid, executable, actions, attributes, arguments.Pointers, envp.Pointers);
            if (error != 0)
                throw new PtySpawnException(argv[0], error, $"Cannot start '{argv[0]}' ({executable}): {Libc.ErrorText(error)}");
            return pid;
        }
        finally
        {
            Libc.posix_spawn_file_actions_destroy(actions);
            Libc.posix_spawnattr_destroy(attributes);
            NativeMemory.Free(actions);
            NativeMemory.Free(attributes);
        }
    }

    private static unsafe void Reap(int pid)
    {
        int status;
        while (Libc.waitpid(pid, &status, 0) < 0 && Libc.LastError == Libc.EINTR)
        {
        }
    }

    private static void Check(string command, int error)
    {
        if (error != 0)
            throw new PtySpawnException(command, error, $"Cannot start '{command}': {Libc.ErrorText(error)}");
    }
}

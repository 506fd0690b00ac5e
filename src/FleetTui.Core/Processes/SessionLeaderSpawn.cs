using System.Runtime.InteropServices;

namespace FleetTui.Core.Processes;

/// <summary>
/// Starts a program as the leader of a new session and process group (<c>POSIX_SPAWN_SETSID</c>: its pid is its group's id), with
/// default signal dispositions and an empty mask, stdin from a descriptor (or /dev/null), stdout and stderr appended to one file,
/// and no other inherited descriptor. posix_spawn, never fork: the .NET runtime is multi-threaded.
/// </summary>
internal static unsafe class SessionLeaderSpawn
{
    /// <param name="standardInput">A descriptor of ours to become the child's stdin, or -1 for /dev/null.</param>
    /// <param name="outputPath">Appended to (created 0600 if missing); "/dev/null" to discard.</param>
    /// <returns>The child's pid, which is also its process group id.</returns>
    /// <exception cref="ProcessStartException">posix_spawn failed (a missing working directory, say).</exception>
    public static int Start(IReadOnlyList<string> argv, IReadOnlyDictionary<string, string> environment, string workingDirectory,
        int standardInput, string outputPath)
    {
        using var nativeArgv = new NativeStrings(argv);
        using var nativeEnvp = new NativeStrings([.. environment.Select(kv => $"{kv.Key}={kv.Value}")]);
        var attributes = NativeMemory.AllocZeroed(Posix.SpawnStructSize);
        var actions = NativeMemory.AllocZeroed(Posix.SpawnStructSize);
        var signals = stackalloc byte[Posix.SigSetSize];
        var attributesReady = false;
        var actionsReady = false;
        try
        {
            Check("posix_spawnattr_init", Posix.posix_spawnattr_init(attributes));
            attributesReady = true;
            Check("posix_spawnattr_setflags", Posix.posix_spawnattr_setflags(attributes,
                Posix.POSIX_SPAWN_SETSID | Posix.POSIX_SPAWN_SETSIGMASK | Posix.POSIX_SPAWN_SETSIGDEF));
            Posix.sigemptyset(signals);
            Check("posix_spawnattr_setsigmask", Posix.posix_spawnattr_setsigmask(attributes, signals));
            Posix.sigfillset(signals);
            DefaultGlibcInternalSignalsToo(signals);
            Check("posix_spawnattr_setsigdefault", Posix.posix_spawnattr_setsigdefault(attributes, signals));

            Check("posix_spawn_file_actions_init", Posix.posix_spawn_file_actions_init(actions));
            actionsReady = true;
            Check("addopen stdin", standardInput >= 0
                ? Posix.posix_spawn_file_actions_adddup2(actions, standardInput, 0)
                : Posix.posix_spawn_file_actions_addopen(actions, 0, "/dev/null", Posix.O_RDONLY, 0));
            Check("addopen stdout", Posix.posix_spawn_file_actions_addopen(actions, 1, outputPath, Posix.O_WRONLY | Posix.O_APPEND | Posix.O_CREAT, 0x180));
            Check("adddup2 stderr", Posix.posix_spawn_file_actions_adddup2(actions, 1, 2));
            Check("addclosefrom_np", Posix.posix_spawn_file_actions_addclosefrom_np(actions, 3));
            Check("addchdir_np", Posix.posix_spawn_file_actions_addchdir_np(actions, workingDirectory));

            int pid;
            var error = Posix.posix_spawn(&pid, argv[0], actions, attributes, nativeArgv.Pointers, nativeEnvp.Pointers);
            return error == 0
                ? pid
                : throw new ProcessStartException($"cannot start {argv[0]} in {workingDirectory}: {Posix.ErrorText(error)}");
        }
        finally
        {
            if (actionsReady)
                Posix.posix_spawn_file_actions_destroy(actions);
            if (attributesReady)
                Posix.posix_spawnattr_destroy(attributes);
            NativeMemory.Free(actions);
            NativeMemory.Free(attributes);
        }
    }

    /// <summary>
    /// sigfillset leaves out glibc's internal signals 32 and 33, for which posix_spawn would then set SIG_IGN in the child, surviving
    /// exec (see the PTY host); they are only ever sent to threads of our own process, so defaulting them in the child is safe.
    /// </summary>
    private static void DefaultGlibcInternalSignalsToo(byte* signals)
    {
        foreach (var signal in (ReadOnlySpan<int>)[32, 33])
            signals[(signal - 1) / 8] |= (byte)(1 << ((signal - 1) % 8));
    }

    private static void Check(string step, int error)
    {
        if (error != 0)
            throw new ProcessStartException($"{step} failed: {Posix.ErrorText(error)}");
    }
}

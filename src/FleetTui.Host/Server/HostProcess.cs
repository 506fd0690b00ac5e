using System.Net.Sockets;
using System.Runtime.InteropServices;
using FleetTui.Host.Protocol;
using FleetTui.Host.Runtime;

namespace FleetTui.Host.Server;

/// <summary>
/// Runs a fleet host as its own process (<c>fleet host serve</c>): takes the repository's host lock, ignores SIGHUP
/// (a terminal that goes away is no reason to stop), stops cleanly on SIGTERM or SIGINT, listens on the repository's
/// socket (0600, in a 0700 folder), and when asked to stop, stops the agents, removes the socket and leaves.
/// </summary>
public static class HostProcess
{
    public const int AlreadyRunning = 10;

    /// <summary>How often the host looks whether its socket is still there.</summary>
    public static readonly TimeSpan SocketCheckInterval = TimeSpan.FromSeconds(10);

    /// <param name="openRuntime">Opens the runtime (the session reads state and recovers) once the lock is ours.</param>
    public static async Task<int> RunAsync(HostPaths paths, string fleetDir, Func<Task<FleetRuntime>> openRuntime, TextWriter error)
    {
        paths.EnsureFolder();
        var log = new HostLog(paths.Log);
        // A CLI verb working without a host holds the lock for a moment: wait for it; another host holds it for good.
        using var hostLock = await AcquireAsync(fleetDir, TimeSpan.FromSeconds(30)).ConfigureAwait(false);
        if (hostLock is null)
        {
            log.Write($"not starting: another fleet host holds {HostLock.PathIn(fleetDir)}");
            await error.WriteLineAsync($"fleet host: another host already serves this repository ({HostLock.PathIn(fleetDir)} is held)").ConfigureAwait(false);
            return AlreadyRunning;
        }

        AppDomain.CurrentDomain.UnhandledException += (_, e) => log.Write($"unhandled exception: {e.ExceptionObject}");
        TaskScheduler.UnobservedTaskException += (_, e) =>
        {
            log.Write($"unobserved task exception: {e.Exception}");
            e.SetObserved();
        };

        FleetHost? host = null;
        using var hangUp = PosixSignalRegistration.Create(PosixSignal.SIGHUP, context => context.Cancel = true);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            host?.RequestStop("SIGTERM");
        });
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, context =>
        {
            context.Cancel = true;
            host?.RequestStop("SIGINT");
        });

        FleetRuntime runtime;
        try
        {
            runtime = await openRuntime().ConfigureAwait(false);
        }
        catch (Exception e)
        {
            log.Write($"could not open the fleet: {e}");
            await error.WriteLineAsync($"fleet host: could not open the fleet: {e.Message}").ConfigureAwait(false);
            return 1;
        }

        host = new FleetHost(runtime, new FleetHostOptions { Log = log, SocketPath = paths.Socket, ExitWhenIdle = true });
        var listeners = new List<Socket> { Listen(paths.Socket) };
        var info = new HostInfo(Environment.ProcessId, runtime.Repository.Root, paths.Socket, host.StartedAt, ProtocolVersion.Current);
        info.Write(paths.Info, path => new FileStream(path, PrivateFiles.Create()));
        log.Write($"serving {runtime.Repository.Root} on {paths.Socket}");
        var listening = new List<Task> { host.ListenAsync(listeners[0]) };
        // A socket in /tmp or the runtime dir can be cleaned away (tmpfiles, a careless rm) while the host runs: then it
        // binds a new one, so its clients can always come back.
        using var watch = new PeriodicTimer(SocketCheckInterval);
        var watching = Task.Run(async () =>
        {
            while (await watch.WaitForNextTickAsync().ConfigureAwait(false) && !host.Completion.IsCompleted)
            {
                if (File.Exists(paths.Socket))
                    continue;
                try
                {
                    paths.EnsureFolder();
                    var again = Listen(paths.Socket);
                    listeners.Add(again);
                    listening.Add(host.ListenAsync(again));
                    info.Write(paths.Info, path => new FileStream(path, PrivateFiles.Create()));
                    log.Write($"{paths.Socket} was removed; bound it again");
                }
                catch (Exception e) when (e is IOException or SocketException or UnauthorizedAccessException)
                {
                    log.Write($"{paths.Socket} was removed and could not be bound again: {e.Message}");
                }
            }
        });
        await host.Completion.ConfigureAwait(false);
        watch.Dispose();
        await watching.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        foreach (var listener in listeners)
            listener.Dispose();
        await Task.WhenAll(listening).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        TryDelete(paths.Socket);
        TryDelete(paths.Info);
        await host.DisposeAsync().ConfigureAwait(false);
        log.Write("stopped");
        return 0;
    }

    private static async Task<HostLock?> AcquireAsync(string fleetDir, TimeSpan patience)
    {
        var deadline = DateTime.UtcNow + patience;
        while (true)
        {
            if (HostLock.TryAcquire(fleetDir) is { } acquired)
                return acquired;
            if (DateTime.UtcNow > deadline)
                return null;
            await Task.Delay(50).ConfigureAwait(false);
        }
    }

    /// <summary>Binds the socket (replacing a stale one: we hold the lock, so nobody else serves it) with mode 0600.</summary>
    private static Socket Listen(string path)
    {
        TryDelete(path);
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        socket.Bind(new UnixDomainSocketEndPoint(path));
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(path, PrivateFiles.FileMode);
        socket.Listen(16);
        return socket;
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }
}

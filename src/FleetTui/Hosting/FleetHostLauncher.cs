using FleetTui.Core.Git;
using FleetTui.Demo;
using FleetTui.Host.Client;
using FleetTui.Host.Server;
using FleetTui.Terminal.Pty;

namespace FleetTui.Hosting;

/// <summary>
/// Finds the repository's fleet host, starting one when asked and none answers. A started host is its own process in
/// its own session (<see cref="DetachedProcess"/>), so closing the terminal, dropping the SSH connection or killing the
/// cockpit leaves it and its agents running. Where systemd's logind would kill a user's processes at logout, the host
/// is started in a scope of its own (<c>systemd-run --user --scope</c>) when the user's systemd answers.
/// </summary>
public static class FleetHostLauncher
{
    /// <summary>Set to 1 to start hosts without systemd-run even where it is available.</summary>
    public const string NoSystemdRunVariable = "FLEET_NO_SYSTEMD_RUN";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(20);

    /// <summary>A stream to the repository's host; null (after saying why on <paramref name="error"/>) when there is none and none could be started.</summary>
    public static async Task<Stream?> ConnectAsync(RepositoryFacts repository, bool start, TextWriter error, CancellationToken cancellationToken)
    {
        var paths = HostPaths.For(repository.CommonDir);
        try
        {
            paths.EnsureFolder();
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            await error.WriteLineAsync($"fleet: {e.Message}").ConfigureAwait(false);
            return null;
        }
        if (await HostConnector.TryConnectAsync(paths.Socket, cancellationToken).ConfigureAwait(false) is { } running)
            return running;
        if (!start)
        {
            await error.WriteLineAsync($"fleet: no fleet host runs for {repository.Root}; `fleet` starts one.").ConfigureAwait(false);
            return null;
        }
        int pid;
        try
        {
            pid = DetachedProcess.Start(HostArgv(repository.Root), repository.Root, paths.Log);
        }
        catch (PtySpawnException e)
        {
            await error.WriteLineAsync($"fleet: could not start the fleet host: {e.Message}").ConfigureAwait(false);
            return null;
        }
        var deadline = DateTime.UtcNow + StartTimeout;
        var pause = TimeSpan.FromMilliseconds(5);
        while (DateTime.UtcNow < deadline)
        {
            if (await HostConnector.TryConnectAsync(paths.Socket, cancellationToken).ConfigureAwait(false) is { } started)
                return started;
            if (!IsAlive(pid) && await HostConnector.TryConnectAsync(paths.Socket, cancellationToken).ConfigureAwait(false) is null)
            {
                // It left: another host won the race (then it answers now), or it failed (its log says why).
                if (await HostConnector.TryConnectAsync(paths.Socket, cancellationToken).ConfigureAwait(false) is { } other)
                    return other;
                await error.WriteLineAsync($"fleet: the fleet host stopped at once; its log ({paths.Log}) ends with:\n{Tail(paths.Log, 12)}").ConfigureAwait(false);
                return null;
            }
            // Starting takes a few hundred milliseconds (the runtime, git, fleet.toml): look often at first, then less.
            await Task.Delay(pause, cancellationToken).ConfigureAwait(false);
            pause = TimeSpan.FromMilliseconds(Math.Min(100, pause.TotalMilliseconds * 2));
        }
        await error.WriteLineAsync($"fleet: the fleet host did not answer within {StartTimeout.TotalSeconds:0} s; see {paths.Log}").ConfigureAwait(false);
        return null;
    }

    /// <summary>How to run this fleet as a host, in a scope of its own where systemd would otherwise end it at logout.</summary>
    public static IReadOnlyList<string> HostArgv(string repositoryRoot)
    {
        List<string> argv = [.. DemoAgentCommand.Resolve(), "host", "serve", "--repo", repositoryRoot];
        return UserSystemdAnswers() ? ["systemd-run", "--user", "--scope", "--quiet", "--collect", "--", .. argv] : argv;
    }

    /// <summary>The user's systemd manager runs (its private socket exists) and systemd-run is installed.</summary>
    public static bool UserSystemdAnswers()
    {
        if (Environment.GetEnvironmentVariable(NoSystemdRunVariable) == "1")
            return false;
        var runtime = Environment.GetEnvironmentVariable("XDG_RUNTIME_DIR");
        if (string.IsNullOrEmpty(runtime) || !File.Exists(Path.Combine(runtime, "systemd", "private")))
            return false;
        return (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(dir => dir.Length > 0 && File.Exists(Path.Combine(dir, "systemd-run")));
    }

    private static bool IsAlive(int pid) => Directory.Exists($"/proc/{pid}");

    private static string Tail(string path, int lines)
    {
        try
        {
            return string.Join('\n', File.ReadLines(path).TakeLast(lines).Select(l => "  " + l));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"  (cannot read it: {e.Message})";
        }
    }
}

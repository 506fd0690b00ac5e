using System.Diagnostics;
using System.Runtime.InteropServices;

namespace FleetTui.Core.Processes;

/// <summary>
/// Runs a user's command (a gate, a setup) through <c>sh -c</c> as the leader of its own session and process group, judged by the
/// shell's own exit: a background child (<c>sleep 1000 &amp; echo started</c>) neither holds the run open nor outlives it. When the
/// shell exits, times out or fleet is cancelled, the whole group is killed; if fleet dies first, a <see cref="GroupWatchdog"/> does it.
/// A process that escaped the group (setsid) is found by a marker in its environment and reported, not killed. Output goes straight to
/// the log file (no pipe a grandchild could hold open).
/// </summary>
public static class ProcessGroupRunner
{
    /// <summary>Set in every process of a run to a value unique to the run: how escaped processes are recognised.</summary>
    public const string RunMarkerVariable = "FLEET_RUN_ID";

    public static async Task<ProcessGroupResult> RunAsync(ProcessGroupRequest request, CancellationToken cancellationToken = default)
    {
        var marker = Guid.NewGuid().ToString("N");
        var environment = InheritedEnvironment();
        foreach (var (name, value) in request.Environment)
            environment[name] = value;
        environment[RunMarkerVariable] = marker;
        var clock = Stopwatch.StartNew();

        GroupWatchdog watchdog;
        int group;
        try
        {
            watchdog = GroupWatchdog.Start(marker);
        }
        catch (ProcessStartException error)
        {
            return new ProcessGroupResult(ProcessGroupEnd.CouldNotStart, -1, clock.Elapsed, []) { StartError = error.Message };
        }

        using (watchdog)
        {
            try
            {
                group = SessionLeaderSpawn.Start(["/bin/sh", "-c", request.Command], environment, request.WorkingDirectory, -1, request.LogPath);
            }
            catch (Exception error) when (error is ProcessStartException or ArgumentException)
            {
                return new ProcessGroupResult(ProcessGroupEnd.CouldNotStart, -1, clock.Elapsed, []) { StartError = error.Message };
            }

            watchdog.Watch(group);
            var exited = ExitedAsync(group);
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(request.Timeout);
            var end = ProcessGroupEnd.Exited;
            if (await Task.WhenAny(exited, Task.Delay(Timeout.Infinite, deadline.Token)).ConfigureAwait(false) != exited)
                end = cancellationToken.IsCancellationRequested ? ProcessGroupEnd.Cancelled : ProcessGroupEnd.TimedOut;
            else
                await deadline.CancelAsync().ConfigureAwait(false); // releases the delay

            // While the shell is not reaped its pid cannot be reused, so the group id still names exactly our group.
            KillGroup(group);
            await exited.ConfigureAwait(false);
            var status = Reap(group);
            var escaped = EscapedProcesses.Find($"{RunMarkerVariable}={marker}", group);
            var (exitCode, signal) = Decode(status);
            return new ProcessGroupResult(end, exitCode, clock.Elapsed, escaped) { Signal = signal };
        }
    }

    private static void KillGroup(int group) => Posix.kill(-group, Posix.SIGKILL); // ESRCH when nobody is left: fine

    /// <summary>Completes when the shell has exited, without reaping it (waitid WNOWAIT on a thread of its own).</summary>
    private static unsafe Task ExitedAsync(int pid)
    {
        var exited = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var waiter = new Thread(() =>
        {
            var info = stackalloc byte[Posix.SigInfoSize];
            while (Posix.waitid(Posix.P_PID, (uint)pid, info, Posix.WEXITED | Posix.WNOWAIT) != 0 && Posix.LastError == Posix.EINTR)
            {
            }

            exited.SetResult();
        })
        {
            IsBackground = true,
            Name = $"fleet wait {pid}",
        };
        waiter.Start();
        return exited.Task;
    }

    /// <summary>The raw wait status, or -1 when something else reaped the child (a runtime told to reap every child).</summary>
    private static unsafe int Reap(int pid)
    {
        int status;
        while (true)
        {
            if (Posix.waitpid(pid, &status, 0) == pid)
                return status;
            if (Posix.LastError != Posix.EINTR)
                return -1;
        }
    }

    private static (int ExitCode, int Signal) Decode(int status)
    {
        if (status == -1)
            return (-1, 0);
        var signal = status & 0x7f;
        return signal == 0 ? ((status >> 8) & 0xff, 0) : (128 + signal, signal);
    }

    private static Dictionary<string, string> InheritedEnvironment()
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (System.Collections.DictionaryEntry entry in System.Environment.GetEnvironmentVariables())
            environment[(string)entry.Key] = (string?)entry.Value ?? "";
        return environment;
    }
}

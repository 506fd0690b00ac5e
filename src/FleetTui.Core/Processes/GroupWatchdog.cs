using System.Text;

namespace FleetTui.Core.Processes;

/// <summary>
/// A tiny <c>sh</c> in a session of its own that kills a process group if fleet dies before it could (kill -9 of <c>fleet gate</c>,
/// a crash): it reads the group's id, then waits on a pipe only fleet holds open; the kernel closes that pipe when fleet dies, however
/// it dies, and the read returning ends the group. Started before the group, so that there is no moment when a group exists unwatched
/// but for the instant between spawning it and naming it here. Should fleet die in that instant (seen on a loaded machine: the
/// gate had started and written its pid files, fleet was killed before naming its group), the watchdog reads no group at
/// all: it then kills, with their groups, the processes that carry the run's marker (<see cref="ProcessGroupRunner.RunMarkerVariable"/>)
/// in their environment.
/// </summary>
internal sealed unsafe class GroupWatchdog : IDisposable
{
    /// <summary>
    /// $1 is the run's marker value. The group id arrives on stdin first, then EOF (or nothing: fleet kills this shell first).
    /// EOF before any group id: fleet died before naming it, so the marked processes are found in /proc instead.
    /// </summary>
    private const string Script =
        "read -r group || { for p in /proc/[0-9]*; do "
        + "if tr '\\0' '\\n' < \"$p/environ\" 2>/dev/null | grep -qx \"" + ProcessGroupRunner.RunMarkerVariable + "=$1\"; "
        + "then kill -s KILL -- \"-${p#/proc/}\" \"${p#/proc/}\" 2>/dev/null; fi; done; exit 0; }; "
        + "read -r _; kill -s KILL -- \"-$group\" 2>/dev/null";

    private readonly int _pid;
    private int _pipe;

    private GroupWatchdog(int pid, int pipe)
    {
        _pid = pid;
        _pipe = pipe;
    }

    /// <param name="marker">The run's marker value, set in the environment of every process of the group.</param>
    public static GroupWatchdog Start(string marker)
    {
        var fds = stackalloc int[2];
        if (Posix.pipe2(fds, Posix.O_CLOEXEC) != 0)
            throw new ProcessStartException($"pipe2 failed: {Posix.ErrorText(Posix.LastError)}");
        try
        {
            var environment = new Dictionary<string, string> { ["PATH"] = "/usr/bin:/bin" };
            var pid = SessionLeaderSpawn.Start(["/bin/sh", "-c", Script, "fleet-watchdog", marker], environment, "/", fds[0], "/dev/null");
            return new GroupWatchdog(pid, fds[1]);
        }
        catch
        {
            Posix.close(fds[1]);
            throw;
        }
        finally
        {
            Posix.close(fds[0]);
        }
    }

    /// <summary>Names the group to kill should fleet die.</summary>
    public void Watch(int processGroup)
    {
        var line = Encoding.ASCII.GetBytes($"{processGroup}\n");
        fixed (byte* bytes = line)
            Posix.write(_pipe, bytes, (nuint)line.Length);
    }

    /// <summary>Tests only: fleet's end of the pipe closes as if fleet had died, the watchdog left running.</summary>
    internal void CloseAsIfDied()
    {
        Posix.close(_pipe);
        _pipe = -1;
    }

    /// <summary>Fleet outlived the group: the watchdog goes, without killing anything.</summary>
    public void Dispose()
    {
        if (_reaped)
            return;
        _reaped = true;
        Posix.kill(_pid, Posix.SIGKILL);
        int status;
        while (Posix.waitpid(_pid, &status, 0) < 0 && Posix.LastError == Posix.EINTR)
        {
        }

        if (_pipe >= 0)
            Posix.close(_pipe);
        _pipe = -1;
    }

    private bool _reaped;
}

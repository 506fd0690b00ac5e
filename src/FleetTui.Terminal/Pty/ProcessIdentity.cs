namespace FleetTui.Terminal.Pty;

/// <summary>
/// A process as the kernel knows it: its pid and its start time (clock ticks since boot, /proc/&lt;pid&gt;/stat field 22).
/// A pid alone may have been handed to another process since; the pair names one process for good, so a record of it
/// can be checked much later without ever signalling a stranger.
/// </summary>
public readonly record struct ProcessIdentity(int Pid, long StartTicks)
{
    /// <summary>The process with this pid now, or null when there is none.</summary>
    public static ProcessIdentity? Of(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // "pid (comm) state ppid …": comm may hold spaces and parentheses, so fields are counted after the last ')'.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            // fields[0] is field 3 (state); starttime is field 22. A zombie has exited: it is not alive.
            if (fields[0] == "Z")
                return null;
            return long.TryParse(fields[19], out var start) ? new ProcessIdentity(pid, start) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or IndexOutOfRangeException or ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    /// <summary>The very process this names still runs (same pid, same start time).</summary>
    public bool IsAlive => Of(Pid) is { } now && now.StartTicks == StartTicks;
}

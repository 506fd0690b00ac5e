using System.Globalization;

namespace FleetTui.Host.Services;

/// <summary>
/// Which process listens on a TCP port of this machine, read from Linux's <c>/proc/net/tcp</c> and <c>tcp6</c> (the listening
/// socket's inode) and each process's <c>/proc/&lt;pid&gt;/fd</c> links to it. Used before a service starts: a port we allocated
/// that something already holds is usually the same service outliving an earlier fleet host, and is reported with its pid.
/// Processes of other users cannot be looked into: then the port is reported held by an unknown process.
/// </summary>
public static class PortHolder
{
    private const string Listen = "0A";

    /// <summary>The listening socket's holder: its pid and command name (pid null when the socket exists but its process is not ours to see); null when nothing listens.</summary>
    public static (int? Pid, string? Command)? Find(int port)
    {
        var inode = ListeningInode(port);
        if (inode is null)
            return null;
        var target = $"socket:[{inode}]";
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
                continue;
            try
            {
                foreach (var fd in Directory.EnumerateFileSystemEntries(Path.Combine(dir, "fd")))
                {
                    if (LinkTarget(fd) == target)
                        return (pid, File.ReadAllText(Path.Combine(dir, "comm")).Trim());
                }
            }
            catch (Exception error) when (error is UnauthorizedAccessException or IOException)
            {
                // Another user's process, or one that ended while we looked.
            }
        }

        return (null, null);
    }

    /// <summary>Where a descriptor link points; null when the descriptor was closed since it was listed (a busy process opens and closes them all the time).</summary>
    private static string? LinkTarget(string fd)
    {
        try
        {
            return new FileInfo(fd).LinkTarget;
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static string? ListeningInode(int port)
    {
        var hexPort = port.ToString("X4", CultureInfo.InvariantCulture);
        foreach (var table in new[] { "/proc/net/tcp", "/proc/net/tcp6" })
        {
            if (!File.Exists(table))
                continue;
            foreach (var line in File.ReadLines(table).Skip(1))
            {
                var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (fields.Length > 9 && fields[3] == Listen && fields[1].EndsWith(":" + hexPort, StringComparison.Ordinal))
                    return fields[9];
            }
        }

        return null;
    }
}

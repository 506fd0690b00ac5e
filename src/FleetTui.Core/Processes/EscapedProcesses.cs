using System.Globalization;
using System.Text;

namespace FleetTui.Core.Processes;

/// <summary>
/// Finds processes a run started that left its process group (<c>setsid</c>, <c>setpgid</c>): every process of the run carries a
/// unique environment variable, so after the group is killed, a live process still carrying it, outside the group, escaped.
/// Linux /proc; processes of other users cannot be read and are not ours anyway.
/// </summary>
internal static class EscapedProcesses
{
    public static IReadOnlyList<EscapedProcess> Find(string marker, int processGroup)
    {
        var needle = Encoding.UTF8.GetBytes(marker);
        byte[] afterAnother = [0, .. needle];
        var found = new List<EscapedProcess>();
        if (!Directory.Exists("/proc"))
            return found;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) || pid == Environment.ProcessId)
                continue;
            try
            {
                var environ = File.ReadAllBytes(Path.Combine(dir, "environ"));
                if (!environ.AsSpan().StartsWith(needle) && environ.AsSpan().IndexOf(afterAnother) < 0)
                    continue;
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                var state = fields[0];
                var group = int.Parse(fields[2], CultureInfo.InvariantCulture);
                if (state is "Z" or "X" || group == processGroup)
                    continue; // dead, or still in the group being killed
                var command = File.ReadAllText(Path.Combine(dir, "cmdline")).Replace('\0', ' ').Trim();
                found.Add(new EscapedProcess(pid, command));
            }
            catch (Exception error) when (error is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
            {
                // gone meanwhile, or not ours
            }
        }

        return found;
    }
}

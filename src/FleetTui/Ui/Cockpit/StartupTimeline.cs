using System.Diagnostics;

namespace FleetTui.Ui.Cockpit;

/// <summary>
/// When <see cref="CockpitRunner.StartupLogVariable"/> names a file, appends "&lt;phase&gt;-ms N" lines to it: milliseconds
/// from process start to each start-up step, so scripts/bench-tui-throughput.sh can say where the first frame's time goes.
/// </summary>
internal static class StartupTimeline
{
    private static readonly string? LogPath = Environment.GetEnvironmentVariable(CockpitRunner.StartupLogVariable) is { Length: > 0 } path ? path : null;

    // Read once (it comes from /proc), and only when logging: the marks should not add work to what they time.
    private static readonly Lazy<DateTime> ProcessStart = new(() => Process.GetCurrentProcess().StartTime);

    public static void Mark(string phase)
    {
        if (LogPath is null)
            return;
        var elapsed = DateTime.Now - ProcessStart.Value;
        File.AppendAllText(LogPath, $"{phase}-ms {elapsed.TotalMilliseconds:F0}\n");
    }
}

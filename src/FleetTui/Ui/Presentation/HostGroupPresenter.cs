using FleetTui.Ui.Cockpit.Hosts;
using FleetTui.Ui.Views;

namespace FleetTui.Ui.Presentation;

/// <summary>
/// Pure: the sidebar's host headers when remote hosts are configured (<c>── local</c>, then <c>── box: connected</c>,
/// <c>── box: reconnecting 3s</c>, <c>── box: unreachable: &lt;ssh's message&gt;</c>), each before its host's tasks.
/// Tasks come local first, then host by host (<see cref="TaskRoster"/>), so a group is a run of consecutive tasks.
/// </summary>
public static class HostGroupPresenter
{
    private const string Mark = "── ";

    /// <summary>The headers that go before task <paramref name="index"/> (<paramref name="taskCount"/>: after the last task).</summary>
    public static IEnumerable<StyledLine> HeadersBefore(int index, int taskCount, IReadOnlyList<RemoteHostGroup> hosts, DateTimeOffset now, int width)
    {
        if (hosts.Count == 0)
            yield break;
        var start = taskCount - hosts.Sum(h => h.Tasks.Count);
        if (index == 0)
            yield return StyledLine.Of(Fit(Mark + "local", width), TextRole.Accent);
        foreach (var host in hosts)
        {
            if (start == index)
                yield return StyledLine.Of(Fit($"{Mark}{host.Name}: {host.Status.Describe(now)}", width), Role(host.Status));
            start += host.Tasks.Count;
        }
    }

    /// <summary>A header row (a click on it selects no task).</summary>
    public static bool IsHeader(StyledLine line) => line.Text.StartsWith(Mark, StringComparison.Ordinal);

    /// <summary>The words a remote task's pane title shows instead of its state while its host is not connected, or null.</summary>
    public static string? PaneNote(RemoteHostGroup host, DateTimeOffset now) =>
        host.Status.IsConnected ? null : $"{host.Name} {host.Status.Describe(now)}";

    private static TextRole Role(HostLinkStatus status) => status.Phase switch
    {
        HostLinkPhase.Connected => TextRole.Accent,
        HostLinkPhase.Unreachable => TextRole.Error,
        HostLinkPhase.Reconnecting => TextRole.Warning,
        _ => TextRole.Muted,
    };

    private static string Fit(string text, int width) => width <= 0 ? "" : text.Length <= width ? text : text[..(width - 1)] + "…";
}

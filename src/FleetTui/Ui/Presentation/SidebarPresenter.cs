using FleetTui.Core.Agents;
using FleetTui.Core.Session;
using FleetTui.Ui.Cockpit.Hosts;
using FleetTui.Ui.Panes;
using FleetTui.Ui.Views;

namespace FleetTui.Ui.Presentation;

/// <summary>
/// Pure: the sidebar's lines for a snapshot. Each task takes two lines (number, name and state; then ahead/behind,
/// uncommitted, last commit age, ports) plus one per scope warning; the selected task is highlighted.
/// </summary>
public static class SidebarPresenter
{
    /// <param name="hosts">Remote hosts: their tasks are grouped under a header each (<see cref="HostGroupPresenter"/>).</param>
    public static IReadOnlyList<StyledLine> Lines(SessionSnapshot snapshot, int selected, DateTimeOffset now, int width, IReadOnlyList<RemoteHostGroup>? hosts = null)
    {
        var lines = new List<StyledLine> { StyledLine.Of(Fit($" Tasks ({snapshot.Tasks.Count}) · {snapshot.BaseBranch}", width), TextRole.Accent) };
        for (var i = 0; i < snapshot.Tasks.Count; i++)
        {
            lines.AddRange(HostGroupPresenter.HeadersBefore(i, snapshot.Tasks.Count, hosts ?? [], now, width));
            var task = snapshot.Tasks[i];
            var isSelected = i == selected;
            var marker = TaskStateText.NeedsAttention(task) ? "!" : " ";
            var head = Fit($"{marker}{i + 1} {task.Name}", width);
            var state = TaskStateText.Describe(task);
            var headRole = isSelected ? TextRole.Selected : TextRole.Normal;
            lines.Add(new StyledLine([
                new StyledRun(head, headRole),
                new StyledRun(Fit(" " + state, Math.Max(0, width - head.Length)), isSelected ? TextRole.Selected : StateRole(task)),
            ]));
            var source = task.Phase == TaskPhase.Active && TaskStateText.Source(task.Agent) is { } from ? $"via {from} · " : "";
            lines.Add(StyledLine.Of(Fit("   " + source + Details(task, now), width), TextRole.Muted));
            // Each other repository the task spans, then each service the host runs for it (indented: TaskAtRow skips them).
            foreach (var repo in task.Repos)
                lines.Add(StyledLine.Of(Fit($"   {repo.Name} {RepoDetails(repo)}", width), TextRole.Muted));
            foreach (var service in task.Services)
                lines.Add(StyledLine.Of(Fit("   " + service.Describe(now), width), ServiceRole(service)));
            foreach (var file in task.Status?.OutOfScope.Take(2) ?? [])
                lines.Add(StyledLine.Of(Fit($"   ⚠ out of scope: {file}", width), TextRole.Warning));
            if (task.Status?.OutOfScope.Count > 2)
                lines.Add(StyledLine.Of(Fit($"   ⚠ and {task.Status.OutOfScope.Count - 2} more out of scope", width), TextRole.Warning));
        }
        lines.AddRange(HostGroupPresenter.HeadersBefore(snapshot.Tasks.Count, snapshot.Tasks.Count, hosts ?? [], now, width));
        return lines;
    }

    /// <summary>The line a click on sidebar row <paramref name="row"/> selects, or -1.</summary>
    public static int TaskAtRow(SessionSnapshot snapshot, int row, DateTimeOffset now, IReadOnlyList<RemoteHostGroup>? hosts = null)
    {
        var lines = Lines(snapshot, -1, now, 200, hosts);
        var task = -1;
        for (var i = 1; i <= Math.Min(row, lines.Count - 1); i++)
        {
            if (!lines[i].Text.StartsWith("   ", StringComparison.Ordinal) && !HostGroupPresenter.IsHeader(lines[i]))
                task++;
        }
        return row >= 1 && row < lines.Count && !HostGroupPresenter.IsHeader(lines[row]) ? task : -1;
    }

    public static string Details(TaskSnapshot task, DateTimeOffset now)
    {
        var parts = new List<string>();
        if (task.Status is { } status)
        {
            parts.Add($"↑{status.Ahead} ↓{status.Behind}");
            if (status.Uncommitted > 0)
                parts.Add($"~{status.Uncommitted}");
            if (status.LastCommit is { } commit)
                parts.Add(Age(now - commit.When));
        }
        if (task.Ports.Count > 0)
            parts.Add(string.Join(" ", task.Ports.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}:{p.Value}")));
        if (parts.Count == 0)
            parts.Add(task.Branch);
        return string.Join(" · ", parts);
    }

    /// <summary>"↑2 ↓0 ~1 (from feat/x)": a repository's branch status under its task.</summary>
    public static string RepoDetails(TaskRepoSnapshot repo) => repo.Status is { } status
        ? $"↑{status.Ahead} ↓{status.Behind}{(status.Uncommitted > 0 ? $" ~{status.Uncommitted}" : "")} (from {repo.BaseBranch})"
        : $"(from {repo.BaseBranch})";

    private static TextRole ServiceRole(ServiceState service) => service.Phase switch
    {
        ServicePhase.Up => TextRole.Success,
        ServicePhase.Restarting or ServicePhase.NotReady or ServicePhase.Exited => TextRole.Error,
        _ => TextRole.Muted,
    };

    public static string Age(TimeSpan age) => age.TotalSeconds switch
    {
        < 60 => $"{Math.Max(0, (int)age.TotalSeconds)}s ago",
        < 3600 => $"{(int)age.TotalMinutes}m ago",
        < 86400 => $"{(int)age.TotalHours}h ago",
        _ => $"{(int)age.TotalDays}d ago",
    };

    private static TextRole StateRole(TaskSnapshot task) => task.Phase switch
    {
        TaskPhase.SetupFailed or TaskPhase.Review or TaskPhase.Missing => TextRole.Error,
        TaskPhase.Pending when task.Note is not null => TextRole.Error,
        TaskPhase.Blocked or TaskPhase.Pending => TextRole.Muted,
        TaskPhase.Merged or TaskPhase.Done => TextRole.Success,
        _ when task.Gate.Outcome is GateOutcome.Failed or GateOutcome.TimedOut => TextRole.Error,
        _ when TaskStateText.SettledReview(task) == Core.Review.ReviewState.ReadyForReview => TextRole.Success,
        _ when TaskStateText.SettledReview(task) == Core.Review.ReviewState.UncommittedChanges => TextRole.Warning,
        _ => task.Agent.Activity switch
        {
            AgentActivity.WaitingForInput or AgentActivity.Stuck => TextRole.Warning,
            AgentActivity.Working => TextRole.Accent,
            AgentActivity.Exited when task.Agent.ExitCode == 0 => TextRole.Success,
            AgentActivity.Exited => TextRole.Error,
            _ => TextRole.Normal,
        },
    };

    private static string Fit(string text, int width) => width <= 0 ? "" : text.Length <= width ? text : text[..(width - 1)] + "…";
}

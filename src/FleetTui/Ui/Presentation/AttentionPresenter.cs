using FleetTui.Core.Agents;
using FleetTui.Core.Session;
using FleetTui.Ui.Panes;

namespace FleetTui.Ui.Presentation;

/// <summary>
/// Pure: which tasks need a human (<see cref="TaskStateText.NeedsAttention"/>), where "next attention" jumps, and
/// which tasks just started needing one (for the outer terminal's bell or notification).
/// </summary>
public static class AttentionPresenter
{
    /// <summary>Indexes (in snapshot order, which is pane order) of the tasks needing attention.</summary>
    public static IReadOnlyList<int> Indexes(SessionSnapshot snapshot) =>
        Enumerable.Range(0, snapshot.Tasks.Count).Where(i => TaskStateText.NeedsAttention(snapshot.Tasks[i])).ToList();

    /// <summary>The first task after <paramref name="focused"/> (wrapping around) that needs attention; the focused one itself when it is the only one; -1 when none does.</summary>
    public static int Next(SessionSnapshot snapshot, int focused)
    {
        var count = snapshot.Tasks.Count;
        for (var step = 1; step <= count; step++)
        {
            var index = ((focused + step) % count + count) % count;
            if (TaskStateText.NeedsAttention(snapshot.Tasks[index]))
                return index;
        }
        return -1;
    }

    /// <summary>Tasks whose agent went to waiting for input or exited between two snapshots (a task new in <paramref name="after"/> counts from not started).</summary>
    public static IReadOnlyList<AttentionEvent> Arrivals(SessionSnapshot? before, SessionSnapshot after)
    {
        var events = new List<AttentionEvent>();
        foreach (var task in after.Tasks)
        {
            var previous = before?.FindTask(task.Name)?.Agent.Activity ?? AgentActivity.NotStarted;
            var now = task.Agent.Activity;
            if (now == previous || task.Phase != TaskPhase.Active)
                continue;
            if (now == AgentActivity.WaitingForInput)
                events.Add(new AttentionEvent(task.Name, AttentionKind.Waiting, $"{task.Name} is waiting for input"));
            else if (now == AgentActivity.Exited)
                events.Add(new AttentionEvent(task.Name, AttentionKind.Exited, $"{task.Name}: agent {TaskStateText.Describe(task.Agent)}"));
        }
        return events;
    }
}

/// <summary>A task that just started needing attention, and the one line to tell the user.</summary>
public sealed record AttentionEvent(string Task, AttentionKind Kind, string Message);

public enum AttentionKind { Waiting, Exited }

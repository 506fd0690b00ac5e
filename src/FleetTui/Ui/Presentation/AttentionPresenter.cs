using FleetTui.Core.Agents;
using FleetTui.Core.Review;
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

    /// <summary>
    /// What started needing attention between two snapshots: an agent that went to waiting, stuck or exited, work that
    /// became ready for review, a gate that failed (each failed run counts), a merge that conflicted. A task new in
    /// <paramref name="after"/> counts from nothing.
    /// </summary>
    public static IReadOnlyList<AttentionEvent> Arrivals(SessionSnapshot? before, SessionSnapshot after)
    {
        var events = new List<AttentionEvent>();
        foreach (var task in after.Tasks)
        {
            var was = before?.FindTask(task.Name) is { } previous ? Reasons(previous) : [];
            foreach (var (kind, key) in Reasons(task))
            {
                if (!was.Contains((kind, key)))
                    events.Add(new AttentionEvent(task.Name, kind, Message(task, kind)));
            }
        }
        return events;
    }

    /// <summary>Each reason the task needs attention now, with what makes it a new one (a gate's run number).</summary>
    private static HashSet<(AttentionKind Kind, int Key)> Reasons(TaskSnapshot task)
    {
        var reasons = new HashSet<(AttentionKind, int)>();
        if (task.Phase == TaskPhase.Review)
            reasons.Add((AttentionKind.Conflict, 0));
        if (task.Gate.Outcome is GateOutcome.Failed or GateOutcome.TimedOut && task.Phase is TaskPhase.Active or TaskPhase.Done)
            reasons.Add((AttentionKind.GateFailed, task.Gate.RunNumber));
        if (task.Phase != TaskPhase.Active)
            return reasons;
        switch (task.Agent.Activity)
        {
            case AgentActivity.WaitingForInput:
                reasons.Add((AttentionKind.Waiting, 0));
                break;
            case AgentActivity.Stuck:
                reasons.Add((AttentionKind.Stuck, 0));
                break;
            case AgentActivity.Exited:
                reasons.Add((AttentionKind.Exited, 0));
                break;
        }
        if (TaskStateText.SettledReview(task) == ReviewState.ReadyForReview)
            reasons.Add((AttentionKind.Review, 0));
        return reasons;
    }

    private static string Message(TaskSnapshot task, AttentionKind kind) => kind switch
    {
        AttentionKind.Waiting => $"{task.Name} is waiting for input",
        AttentionKind.Stuck => $"{task.Name}: agent stuck on its model API",
        AttentionKind.Review => $"{task.Name} is ready for review",
        AttentionKind.GateFailed => $"{task.Name}: gate {(task.Gate.Outcome == GateOutcome.TimedOut ? "timed out" : "failed")}",
        AttentionKind.Conflict => $"{task.Name}: merge conflicted, in review",
        _ => $"{task.Name}: agent {TaskStateText.Describe(task.Agent)}",
    };
}

/// <summary>A task that just started needing attention, and the one line to tell the user.</summary>
public sealed record AttentionEvent(string Task, AttentionKind Kind, string Message);

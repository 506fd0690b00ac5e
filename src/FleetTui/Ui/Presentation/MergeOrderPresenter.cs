using FleetTui.Core.Agents;
using FleetTui.Core.Merging;
using FleetTui.Core.Session;
using FleetTui.Ui.Views;

namespace FleetTui.Ui.Presentation;

/// <summary>
/// Pure: the merge-order panel. The order and the "why" come from <see cref="MergePlanner"/> (the same reasons the
/// CLI prints); this only gathers the facts from a snapshot and lays the plan out.
/// </summary>
public static class MergeOrderPresenter
{
    public static MergePlan Plan(SessionSnapshot snapshot) =>
        MergePlanner.Plan(snapshot.Tasks.Select(Facts).ToList(), snapshot.Config.Fleet.ScopeEnforcement);

    public static TaskMergeFacts Facts(TaskSnapshot task) => new()
    {
        Name = task.Name,
        Branch = task.Branch,
        WorktreePath = task.Phase is TaskPhase.Blocked or TaskPhase.Pending ? null : task.WorktreePath,
        DependsOn = task.DependsOn,
        Phase = task.Phase,
        AgentFinished = task.Phase == TaskPhase.Done || task.Agent.Activity is AgentActivity.Exited or AgentActivity.NotStarted,
        Ahead = task.Status?.Ahead ?? 0,
        Uncommitted = task.Status?.Uncommitted ?? 0,
        Tip = task.Status?.LastCommit?.Sha,
        Gate = task.Gate,
        OutOfScope = task.Status?.OutOfScope ?? [],
        ReviewConflicts = task.ReviewConflicts,
        ReviewNote = task.Note,
    };

    public static IReadOnlyList<StyledLine> Lines(SessionSnapshot snapshot, int width)
    {
        var plan = Plan(snapshot);
        var lines = new List<StyledLine> { StyledLine.Of(Fit(" Merge order", width), TextRole.Accent) };
        foreach (var entry in plan.Entries)
        {
            var role = entry.Readiness switch
            {
                MergeReadiness.Ready => TextRole.Success,
                MergeReadiness.Merged => TextRole.Muted,
                MergeReadiness.ConflictsPredicted or MergeReadiness.InReview or MergeReadiness.GateFailed => TextRole.Error,
                MergeReadiness.OutOfScope or MergeReadiness.Dirty => TextRole.Warning,
                _ => TextRole.Normal,
            };
            lines.Add(StyledLine.Of(Fit($" {entry.Position}. {entry.Name}", width), role == TextRole.Muted ? TextRole.Muted : TextRole.Normal));
            foreach (var wrapped in Wrap(entry.Why, Math.Max(1, width - 5)))
                lines.Add(StyledLine.Of(Fit("    " + wrapped, width), role));
        }
        return lines;
    }

    private static IEnumerable<string> Wrap(string text, int width)
    {
        var line = "";
        foreach (var word in text.Split(' '))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > width)
            {
                yield return line;
                line = "";
            }
            line = line.Length == 0 ? word : line + " " + word;
        }
        if (line.Length > 0)
            yield return line;
    }

    private static string Fit(string text, int width) => width <= 0 ? "" : text.Length <= width ? text : text[..(width - 1)] + "…";
}

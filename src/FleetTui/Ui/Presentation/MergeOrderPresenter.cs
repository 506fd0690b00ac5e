using FleetTui.Host.Agents;
using FleetTui.Host.Merging;
using FleetTui.Host.Panes;
using FleetTui.Core.Merging;
using FleetTui.Core.Session;
using FleetTui.Ui.Merging;
using FleetTui.Ui.Views;

namespace FleetTui.Ui.Presentation;

/// <summary>
/// Pure: the merge-order panel. The order and the "why" come from <see cref="MergePlanner"/> (the same reasons the CLI
/// prints, predicted conflicts and files outside the scope included); this lays the plan out with each task's live
/// progress or last result from the merge driver, the selection, and the outcome of the last action.
/// </summary>
public static class MergeOrderPresenter
{
    public static MergePlan Plan(SessionSnapshot snapshot, IReadOnlyList<PredictedConflict>? conflicts = null) =>
        MergePlanner.PlanFor(snapshot, conflicts);

    public static IReadOnlyList<StyledLine> Lines(SessionSnapshot snapshot, int width) =>
        Lines(Plan(snapshot), MergeActivity.Idle, selected: null, focused: false, hint: null, width);

    /// <param name="selected">The selected task (marked; highlighted while the panel has the keyboard).</param>
    /// <param name="hint">Key hints shown under the title while the panel has the keyboard.</param>
    /// <param name="height">Rows available: when the plan is longer, it scrolls so the selected task stays in view.</param>
    public static IReadOnlyList<StyledLine> Lines(MergePlan plan, MergeActivity activity, string? selected, bool focused, string? hint, int width, int height = int.MaxValue)
    {
        var lines = new List<StyledLine> { StyledLine.Of(Fit(focused ? " Merge order (keys here)" : " Merge order", width), TextRole.Accent) };
        if (focused && hint is not null)
            lines.AddRange(Wrap(hint, Math.Max(1, width - 1)).Select(h => StyledLine.Of(Fit(" " + h, width), TextRole.Muted)));
        if (activity.Running is { } running)
            lines.Add(StyledLine.Of(Fit($" ⟳ {running}…", width), TextRole.Accent));
        var headerRows = lines.Count;
        var selectedEnd = -1;
        foreach (var entry in plan.Entries)
        {
            var role = ReadinessRole(entry.Readiness);
            var isSelected = entry.Name == selected;
            var head = Fit($"{(isSelected ? "›" : " ")}{entry.Position}. {entry.Name}", width);
            lines.Add(StyledLine.Of(head, isSelected && focused ? TextRole.Selected : role == TextRole.Muted ? TextRole.Muted : TextRole.Normal));
            foreach (var wrapped in Wrap(entry.Why, Math.Max(1, width - 5)))
                lines.Add(StyledLine.Of(Fit("    " + wrapped, width), role));
            if (activity.For(entry.Name) is { } progress)
            {
                foreach (var wrapped in Wrap("→ " + progress.Text, Math.Max(1, width - 5)))
                    lines.Add(StyledLine.Of(Fit("    " + wrapped, width), ActivityRole(progress)));
            }
            if (isSelected)
                selectedEnd = lines.Count - 1;
        }
        if (activity.LastResult is { } result)
        {
            lines.Add(StyledLine.Of(""));
            foreach (var wrapped in Wrap(result, Math.Max(1, width - 1)))
                lines.Add(StyledLine.Of(Fit(" " + wrapped, width), activity.LastResultFailed ? TextRole.Warning : TextRole.Success));
        }
        return Scrolled(lines, headerRows, selectedEnd, height);
    }

    /// <summary>Keeps the title rows, and skips plan rows from the top until the selected entry's last row fits.</summary>
    private static IReadOnlyList<StyledLine> Scrolled(List<StyledLine> lines, int headerRows, int selectedEnd, int height)
    {
        if (lines.Count <= height || selectedEnd < height || height <= headerRows + 1)
            return lines;
        var skip = selectedEnd + 1 - height + 1; // one row for the "more above" marker
        var visible = new List<StyledLine>(lines.Take(headerRows)) { StyledLine.Of($" ↑ {skip} more", TextRole.Muted) };
        visible.AddRange(lines.Skip(headerRows + skip).Take(height - headerRows - 1));
        return visible;
    }

    private static TextRole ReadinessRole(MergeReadiness readiness) => readiness switch
    {
        MergeReadiness.Ready => TextRole.Success,
        MergeReadiness.Merged => TextRole.Muted,
        MergeReadiness.ConflictsPredicted or MergeReadiness.InReview or MergeReadiness.GateFailed => TextRole.Error,
        MergeReadiness.OutOfScope or MergeReadiness.Dirty => TextRole.Warning,
        MergeReadiness.AwaitingReview { State: Core.Review.ReviewState.ReadyForReview } => TextRole.Accent,
        MergeReadiness.AwaitingReview { State: Core.Review.ReviewState.UncommittedChanges } => TextRole.Warning,
        _ => TextRole.Normal,
    };

    private static TextRole ActivityRole(TaskMergeActivity activity) => activity.Kind switch
    {
        TaskMergeActivityKind.Merged or TaskMergeActivityKind.GatePassed or TaskMergeActivityKind.Started => TextRole.Success,
        _ when activity.IsBadNews => TextRole.Error,
        _ when activity.InProgress => TextRole.Accent,
        _ => TextRole.Muted,
    };

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

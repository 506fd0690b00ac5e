using FleetTui.Core.Merging;

namespace FleetTui.Host.Protocol;

/// <summary>The merge plan as a client shows it: tasks in order with the planner's "why".</summary>
public sealed record MergePlanView(string BaseBranch, IReadOnlyList<MergePlanLine> Entries)
{
    public static MergePlanView Of(MergePlan plan, string baseBranch) => new(baseBranch, [.. plan.Entries.Select(e => new MergePlanLine(
        e.Position, e.Name, e.Why, e.Readiness.CanAttempt, e.Readiness is MergeReadiness.InReview or MergeReadiness.GateFailed))]);
}

/// <param name="CanAttempt">A merge run would try it.</param>
/// <param name="WaitsOnAHuman">In review, or its gate failed: a run that leaves it behind did not bring everything in.</param>
public sealed record MergePlanLine(int Position, string Name, string Why, bool CanAttempt, bool WaitsOnAHuman);

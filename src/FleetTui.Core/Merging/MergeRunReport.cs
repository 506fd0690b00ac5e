namespace FleetTui.Core.Merging;

/// <summary>What a merge run did, in order. <see cref="Succeeded"/> drives the exit code of <c>fleet merge</c>.</summary>
public sealed record MergeRunReport(IReadOnlyList<MergeStep> Steps)
{
    public IReadOnlyList<string> Merged => Of(MergeStepKind.Merged);

    public IReadOnlyList<string> SentToReview => Of(MergeStepKind.Review);

    public IReadOnlyList<string> GateFailed => Of(MergeStepKind.GateFailed);

    /// <summary>Remote tasks (or hosts) that could not be reached.</summary>
    public IReadOnlyList<string> Unreached => Of(MergeStepKind.Unreached);

    public MergeStep? Stopped => Steps.FirstOrDefault(s => s.Kind == MergeStepKind.Stopped);

    /// <summary>Nothing went to review, no gate failed, every host answered, the run was not stopped.</summary>
    public bool Succeeded => SentToReview.Count == 0 && GateFailed.Count == 0 && Unreached.Count == 0 && Stopped is null;

    private List<string> Of(MergeStepKind kind) => Steps.Where(s => s.Kind == kind).Select(s => s.Task).Distinct().ToList();
}

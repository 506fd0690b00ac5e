namespace FleetTui.Core.Merging;

/// <summary>
/// The steps of one merge run, as reported. A run with remote hosts goes over its tasks in several passes, and a later pass may
/// meet a task in the same state again (still held, still waiting): a step identical to one already reported is not repeated.
/// </summary>
internal sealed class MergeStepLog(Action<MergeStep> report)
{
    private readonly HashSet<MergeStep> _seen = [];

    public List<MergeStep> Steps { get; } = [];

    public void Report(MergeStep step)
    {
        if (!_seen.Add(step))
            return;
        Steps.Add(step);
        report(step);
    }
}

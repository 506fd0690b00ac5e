namespace FleetTui.Core.Merging;

/// <summary>A merge computed in memory (<see cref="MergeQueue.PrepareAsync"/>): the base still at <see cref="BaseTip"/>, nothing moved.</summary>
public sealed record PreparedMerge(MergeRequest Request, string BaseRef, string BaseTip, string Merged, bool FastForward)
{
    /// <summary>What the merge is once the base moved.</summary>
    public MergeOutcome Outcome(Session.GateState? mergedResultGate) => new MergeOutcome.Merged(Merged, BaseTip, FastForward, mergedResultGate);
}

using FleetTui.Core.Session;

namespace FleetTui.Core.Merging;

/// <summary>What one merge did. Anything but <see cref="Merged"/> means no branch, ref or working file changed.</summary>
public abstract record MergeOutcome
{
    private MergeOutcome() { }

    public abstract string Describe(string task);

    /// <summary>The base now points at <paramref name="Commit"/> (a merge commit whose first parent is <paramref name="PreviousBase"/>, or the task tip when fast-forwarded).</summary>
    public sealed record Merged(string Commit, string PreviousBase, bool FastForwarded, GateState? MergedResultGate) : MergeOutcome
    {
        public override string Describe(string task) =>
            FastForwarded ? $"{task}: fast-forwarded the base to {Commit[..Math.Min(10, Commit.Length)]}" : $"{task}: merged as {Commit[..Math.Min(10, Commit.Length)]}";
    }

    /// <summary>The task's tip is already in the base.</summary>
    public sealed record AlreadyMerged(string BaseTip) : MergeOutcome
    {
        public override string Describe(string task) => $"{task}: already in the base";
    }

    /// <summary>The in-memory merge conflicted: the task goes to review; nothing was written anywhere.</summary>
    public sealed record Conflicted(IReadOnlyList<string> Paths) : MergeOutcome
    {
        public override string Describe(string task) => $"{task}: conflicts in {MergeText.List(Paths)}; sent to review, nothing changed";
    }

    /// <summary>The gate failed on the merged result; the base did not move.</summary>
    public sealed record MergedResultGateFailed(GateState Gate) : MergeOutcome
    {
        public override string Describe(string task) =>
            $"{task}: gate {(Gate.Outcome == GateOutcome.TimedOut ? "timed out" : "failed")} on the merged result (log {Gate.LogPath}); the base did not move";
    }

    /// <summary>The base is checked out in <paramref name="Worktree"/> with uncommitted changes: nothing moved.</summary>
    public sealed record BaseDirty(string Worktree, IReadOnlyList<string> Files) : MergeOutcome
    {
        public override string Describe(string task) =>
            $"{task}: not merged: the base is checked out in {Worktree} with uncommitted changes in {MergeText.List(Files, 5)}; commit or stash them, then retry";
    }

    /// <summary>The base, or the task branch, moved while we were merging (or git refused the update): nothing moved; retry.</summary>
    public sealed record Refused(string Reason) : MergeOutcome
    {
        public override string Describe(string task) => $"{task}: not merged: {Reason}";
    }
}

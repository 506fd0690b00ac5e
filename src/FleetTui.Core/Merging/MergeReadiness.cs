namespace FleetTui.Core.Merging;

/// <summary>Where a task stands in the merge order, with the one-line "why" shown by both the CLI and the merge-order panel.</summary>
public abstract record MergeReadiness
{
    private MergeReadiness() { }

    public abstract string Why { get; }

    /// <summary>The run may try to merge it (a predicted conflict is only a prediction: the real merge decides and routes to review).</summary>
    public virtual bool CanAttempt => false;

    public sealed record Ready : MergeReadiness
    {
        public override string Why => "ready";
        public override bool CanAttempt => true;
    }

    public sealed record WaitingOn(IReadOnlyList<string> Tasks) : MergeReadiness
    {
        public override string Why => $"waiting on {string.Join(", ", Tasks)}";
        public bool Equals(WaitingOn? other) => other is not null && Tasks.SequenceEqual(other.Tasks);
        public override int GetHashCode() => Tasks.Count;
    }

    /// <summary>No worktree yet, or it failed to set up or vanished.</summary>
    public sealed record NotStarted(string Reason) : MergeReadiness
    {
        public override string Why => Reason;
    }

    public sealed record Working : MergeReadiness
    {
        public override string Why => "agent still working (mark it done to merge)";
    }

    /// <summary>
    /// The agent settled at its prompt without saying it finished (real agents never exit): a human looks at the work,
    /// and approving it (or marking it done) lets it merge.
    /// </summary>
    public sealed record AwaitingReview(Review.ReviewState State) : MergeReadiness
    {
        public override string Why => State switch
        {
            Review.ReviewState.ReadyForReview => "ready for review (review its diff, approve to merge)",
            Review.ReviewState.UncommittedChanges => "uncommitted changes — ask the agent to commit",
            _ => "agent idle, no commits beyond its base yet",
        };
    }

    public sealed record NoCommits : MergeReadiness
    {
        public override string Why => "no commits beyond its base";
    }

    public sealed record Dirty(int Count) : MergeReadiness
    {
        public override string Why => Count == 1 ? "1 uncommitted change in its worktree" : $"{Count} uncommitted changes in its worktree";
    }

    public sealed record GateFailed(Session.GateState Gate) : MergeReadiness
    {
        public override string Why =>
            $"gate {(Gate.Outcome == Session.GateOutcome.TimedOut ? "timed out" : "failed")} (run {Gate.RunNumber}{(Gate.LogPath is null ? "" : ", log " + Gate.LogPath)})";
    }

    public sealed record OutOfScope(IReadOnlyList<string> Files) : MergeReadiness
    {
        public override string Why => $"{Files.Count} file(s) outside its scope: {MergeText.List(Files)} (accept the scope to merge)";
        public bool Equals(OutOfScope? other) => other is not null && Files.SequenceEqual(other.Files);
        public override int GetHashCode() => Files.Count;
    }

    public sealed record InReview(IReadOnlyList<string> Paths, string? Note = null) : MergeReadiness
    {
        public override string Why => Paths.Count > 0 ? $"in review: conflicts in {MergeText.List(Paths)}" : $"in review: {Note ?? "waiting on a human"}";
        public bool Equals(InReview? other) => other is not null && Paths.SequenceEqual(other.Paths) && Note == other.Note;
        public override int GetHashCode() => Paths.Count;
    }

    public sealed record Merged : MergeReadiness
    {
        public override string Why => "merged";
    }

    /// <summary>A trial merge conflicts with the base (<paramref name="With"/> null) or with a task merging earlier in the plan.</summary>
    public sealed record ConflictsPredicted(string? With, IReadOnlyList<string> Paths) : MergeReadiness
    {
        public override string Why => $"conflicts with {With ?? "the base"} in {MergeText.List(Paths)}";
        public override bool CanAttempt => true;
        public bool Equals(ConflictsPredicted? other) => other is not null && With == other.With && Paths.SequenceEqual(other.Paths);
        public override int GetHashCode() => HashCode.Combine(With, Paths.Count);
    }
}

namespace FleetTui.Core.Worktrees;

/// <summary>What removing a task's worktree did.</summary>
/// <param name="BranchDeleted">The branch was deleted (merged, or forced).</param>
/// <param name="RescuedRefs">Refs under <see cref="CommitRescue.RefPrefix"/> that now keep commits a forced removal would have lost.</param>
public sealed record DestroyResult(bool BranchDeleted, IReadOnlyList<string> RescuedRefs);

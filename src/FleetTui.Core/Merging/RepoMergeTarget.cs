namespace FleetTui.Core.Merging;

/// <summary>A task's branch in another repository it spans, and the base it merges into there.</summary>
public sealed record RepoMergeTarget(string Repo, string BaseBranch);

using FleetTui.Core.Git;
using FleetTui.Core.Worktrees;

namespace FleetTui.Core.Merging;

/// <summary>
/// Merges one task into the base without touching anyone's uncommitted work:
/// the merge happens in memory (<c>git merge-tree --write-tree</c>, git's own merge, no checkout); a conflict changes nothing;
/// the base moves only at the end, by compare-and-swap, or, where it is checked out, by <c>git merge --ff-only</c>
/// in that worktree when it is clean (so the index and files follow exactly as with git merge).
/// </summary>
public sealed class MergeQueue(GitCli git, WorktreeManager worktrees, GateRunner gates)
{
    public string RepoPath { get; } = worktrees.Repository.Root;

    public async Task<MergeOutcome> MergeAsync(MergeRequest request, CancellationToken cancellationToken = default)
    {
        var (prepared, early) = await PrepareAsync(request, cancellationToken).ConfigureAwait(false);
        if (prepared is null)
            return early!;

        Session.GateState? mergedGate = null;
        if (request.GateOnMergedResult is { } gate && !string.IsNullOrWhiteSpace(gate.Command))
        {
            mergedGate = await GateOnCommitAsync(gate, prepared.Merged, cancellationToken).ConfigureAwait(false);
            if (!mergedGate.Succeeded)
                return new MergeOutcome.MergedResultGateFailed(mergedGate);
        }

        var moved = await MoveBaseAsync(prepared, cancellationToken).ConfigureAwait(false);
        return moved ?? prepared.Outcome(mergedGate);
    }

    /// <summary>
    /// The merge computed in memory, nothing moved: the merged commit (written to the object database only, reachable from nothing),
    /// or the outcome that ends it early (already merged, conflicts, a missing branch). A task spanning several repositories prepares
    /// every repository's merge before any base moves.
    /// </summary>
    public async Task<(PreparedMerge? Prepared, MergeOutcome? Outcome)> PrepareAsync(MergeRequest request, CancellationToken cancellationToken = default)
    {
        var baseRef = "refs/heads/" + request.BaseBranch;
        var baseTip = await ResolveAsync(baseRef, cancellationToken).ConfigureAwait(false);
        var taskTip = await ResolveAsync(request.TipRef ?? "refs/heads/" + request.Branch, cancellationToken).ConfigureAwait(false);
        if (baseTip is null)
            return (null, new MergeOutcome.Refused($"base branch '{request.BaseBranch}' does not exist"));
        if (taskTip is null)
            return (null, new MergeOutcome.Refused($"branch '{request.Branch}' does not exist"));
        if (await IsAncestorAsync(taskTip, baseTip, cancellationToken).ConfigureAwait(false))
            return (null, new MergeOutcome.AlreadyMerged(baseTip));

        string merged;
        var fastForward = request.FastForward && await IsAncestorAsync(baseTip, taskTip, cancellationToken).ConfigureAwait(false);
        if (fastForward)
        {
            merged = taskTip;
        }
        else
        {
            var trial = await TrialMergeAsync(baseTip, taskTip, cancellationToken).ConfigureAwait(false);
            if (trial.Conflicts.Count > 0)
                return (null, new MergeOutcome.Conflicted(trial.Conflicts));
            merged = (await git.RunAsync(RepoPath,
                ["commit-tree", trial.Tree, "-p", baseTip, "-p", taskTip, "-m", $"Merge fleet task '{request.Task}' ({request.Branch})"],
                cancellationToken).ConfigureAwait(false)).Trim();
        }

        return (new PreparedMerge(request, baseRef, baseTip, merged, fastForward), null);
    }

    /// <summary>Runs the gate on a prepared merge's result in a throwaway checkout (nothing moved either way).</summary>
    public Task<Session.GateState> GateOnMergedResultAsync(PreparedMerge prepared, GateRequest gate, CancellationToken cancellationToken = default) =>
        GateOnCommitAsync(gate, prepared.Merged, cancellationToken);

    /// <summary>
    /// Whether the base could move to the prepared merge right now, without moving it: null when it could; otherwise why not (its
    /// checkout dirty or missing, the base moved since). A base not checked out anywhere is judged when it moves (compare-and-swap).
    /// </summary>
    public async Task<MergeOutcome?> CheckBaseAsync(PreparedMerge prepared, CancellationToken cancellationToken = default)
    {
        var request = prepared.Request;
        var checkedOut = (await worktrees.ListAsync(cancellationToken).ConfigureAwait(false)).FirstOrDefault(w => w.Branch == request.BaseBranch && !w.IsBare);
        if (checkedOut is null)
            return await ResolveAsync(prepared.BaseRef, cancellationToken).ConfigureAwait(false) == prepared.BaseTip
                ? null
                : new MergeOutcome.Refused($"the base '{request.BaseBranch}' moved during the merge; retry");
        if (!Directory.Exists(checkedOut.Path))
            return new MergeOutcome.Refused($"the base '{request.BaseBranch}' is checked out in {checkedOut.Path}, which is missing (run git worktree prune)");
        var dirty = await worktrees.UncommittedPathsAsync(checkedOut.Path, cancellationToken).ConfigureAwait(false);
        if (dirty.Count > 0)
            return new MergeOutcome.BaseDirty(checkedOut.Path, dirty);
        var head = (await git.RunAsync(checkedOut.Path, ["rev-parse", "HEAD"], cancellationToken).ConfigureAwait(false)).Trim();
        return head == prepared.BaseTip ? null : new MergeOutcome.Refused($"the base '{request.BaseBranch}' moved during the merge; retry");
    }

    /// <summary>git's own merge of two commits into a tree, no checkout: the tree, and the conflicting paths (none when clean).</summary>
    internal async Task<(string Tree, IReadOnlyList<string> Conflicts)> TrialMergeAsync(string ours, string theirs, CancellationToken cancellationToken)
    {
        var output = await git.TryRunAsync(RepoPath, ["merge-tree", "--write-tree", "--name-only", "-z", "--no-messages", ours, theirs], cancellationToken).ConfigureAwait(false);
        if (output.ExitCode is not (0 or 1))
            throw new GitException(output);
        var fields = output.StandardOutput.Split('\0');
        var conflicts = output.ExitCode == 0 ? [] : fields.Skip(1).Where(f => f.Length > 0).Distinct().ToList();
        return (fields[0].Trim(), conflicts);
    }

    private async Task<Session.GateState> GateOnCommitAsync(GateRequest gate, string commit, CancellationToken cancellationToken)
    {
        // Recorded before it exists, so a run killed while it exists leaves a record for the next one to clean (ScratchWorktrees).
        var fleetDir = worktrees.Repository.FleetDir;
        var checkout = ScratchWorktrees.Reserve(fleetDir, gate.Task);
        try
        {
            await git.RunAsync(RepoPath, ["worktree", "add", "--detach", "-q", "--", checkout, commit], cancellationToken).ConfigureAwait(false);
            return await gates.RunAsync(gate with { WorkingDirectory = checkout, Commit = commit, Subject = "merge result" }, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            // Our own throwaway checkout (the gate may have left build output in it): forcing is right here, and only here.
            await worktrees.RemoveScratchAsync(checkout, CancellationToken.None).ConfigureAwait(false);
            ScratchWorktrees.Release(fleetDir, checkout);
        }
    }

    /// <summary>Moves the base from where it was when the merge was prepared to the merged commit; null when it moved, otherwise why not.</summary>
    public async Task<MergeOutcome?> MoveBaseAsync(PreparedMerge prepared, CancellationToken cancellationToken = default)
    {
        var (request, baseRef, expected, merged) = (prepared.Request, prepared.BaseRef, prepared.BaseTip, prepared.Merged);
        var checkedOut = (await worktrees.ListAsync(cancellationToken).ConfigureAwait(false)).FirstOrDefault(w => w.Branch == request.BaseBranch && !w.IsBare);
        if (checkedOut is null)
        {
            var update = await git.TryRunAsync(RepoPath,
                ["update-ref", "-m", $"fleet: merge task '{request.Task}'", baseRef, merged, expected], cancellationToken).ConfigureAwait(false);
            return update.ExitCode == 0 ? null : new MergeOutcome.Refused($"the base '{request.BaseBranch}' moved during the merge ({update.StandardError.Trim()}); retry");
        }

        if (!Directory.Exists(checkedOut.Path))
            return new MergeOutcome.Refused($"the base '{request.BaseBranch}' is checked out in {checkedOut.Path}, which is missing (run git worktree prune)");
        var dirty = await worktrees.UncommittedPathsAsync(checkedOut.Path, cancellationToken).ConfigureAwait(false);
        if (dirty.Count > 0)
            return new MergeOutcome.BaseDirty(checkedOut.Path, dirty);
        var head = (await git.RunAsync(checkedOut.Path, ["rev-parse", "HEAD"], cancellationToken).ConfigureAwait(false)).Trim();
        if (head != expected)
            return new MergeOutcome.Refused($"the base '{request.BaseBranch}' moved during the merge; retry");
        // Exactly what the user would type: git updates the index and files and refuses to overwrite anything local.
        var ff = await git.TryRunAsync(checkedOut.Path, ["merge", "--ff-only", "-q", merged], cancellationToken).ConfigureAwait(false);
        return ff.ExitCode == 0
            ? null
            : new MergeOutcome.Refused($"git merge --ff-only in {checkedOut.Path} refused: {(ff.StandardError + ff.StandardOutput).Trim()}");
    }

    /// <summary>The commit a branch points at, or null when it does not exist.</summary>
    public Task<string?> ResolveBranchAsync(string branch, CancellationToken cancellationToken = default) =>
        ResolveAsync("refs/heads/" + branch, cancellationToken);

    private async Task<string?> ResolveAsync(string reference, CancellationToken cancellationToken)
    {
        var output = await git.TryRunAsync(RepoPath, ["rev-parse", "--verify", "-q", reference + "^{commit}"], cancellationToken).ConfigureAwait(false);
        return output.ExitCode == 0 ? output.StandardOutput.Trim() : null;
    }

    private async Task<bool> IsAncestorAsync(string ancestor, string descendant, CancellationToken cancellationToken) =>
        (await git.TryRunAsync(RepoPath, ["merge-base", "--is-ancestor", ancestor, descendant], cancellationToken).ConfigureAwait(false)).ExitCode == 0;
}

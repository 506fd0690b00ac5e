using FleetTui.Core.Session;

namespace FleetTui.Core.Merging;

/// <summary>
/// Merges a task spanning several repositories all or nothing: every repository's merge is computed in memory first
/// (<see cref="MergeQueue.PrepareAsync"/>); any conflict (paths marked <c>[repo]</c> for another repository), a missing branch, a failing
/// gate on the merged result or a base that could not move (checked out with uncommitted changes, moved meanwhile) stops it before
/// any base moves. Then each base moves with <see cref="MergeQueue.MoveBaseAsync"/>'s never-force rules, this repository's first. A
/// base that moves under us between that check and its own move is the one way to end half merged: the outcome then says which
/// repositories merged, and a rerun finishes the others (a repository already merged counts as merged).
/// </summary>
public sealed class CrossRepoMerge(MergeQueue main, Func<string, MergeQueue> queueFor)
{
    public async Task<MergeOutcome> MergeAsync(MergeRequest request, IReadOnlyList<RepoMergeTarget> repos, CancellationToken cancellationToken = default)
    {
        var targets = new List<(string? Repo, MergeQueue Queue, MergeRequest Request)> { (null, main, request) };
        targets.AddRange(repos.Select(r => ((string?)r.Repo, queueFor(r.Repo), request with { BaseBranch = r.BaseBranch, GateOnMergedResult = null })));

        var prepared = new List<(string? Repo, MergeQueue Queue, PreparedMerge Merge)>();
        var conflicts = new List<string>();
        string? mainBaseTip = null;
        foreach (var (repo, queue, repoRequest) in targets)
        {
            var (merge, early) = await queue.PrepareAsync(repoRequest, cancellationToken).ConfigureAwait(false);
            switch (early)
            {
                case null:
                    prepared.Add((repo, queue, merge!));
                    mainBaseTip ??= repo is null ? merge!.BaseTip : null;
                    break;
                case MergeOutcome.AlreadyMerged already:
                    mainBaseTip ??= repo is null ? already.BaseTip : null;
                    break;
                case MergeOutcome.Conflicted conflicted:
                    conflicts.AddRange(conflicted.Paths.Select(p => repo is null ? p : $"[{repo}] {p}"));
                    break;
                case MergeOutcome.Refused refused:
                    return new MergeOutcome.Refused(In(repo, refused.Reason) + "; nothing merged in any repository");
                default:
                    return early;
            }
        }

        if (conflicts.Count > 0)
            return new MergeOutcome.Conflicted(conflicts);
        if (prepared.Count == 0)
            return new MergeOutcome.AlreadyMerged(mainBaseTip!);

        GateState? mergedGate = null;
        if (request.GateOnMergedResult is { } gate && !string.IsNullOrWhiteSpace(gate.Command) && prepared[0].Repo is null)
        {
            mergedGate = await main.GateOnMergedResultAsync(prepared[0].Merge, gate, cancellationToken).ConfigureAwait(false);
            if (!mergedGate.Succeeded)
                return new MergeOutcome.MergedResultGateFailed(mergedGate);
        }

        foreach (var (repo, queue, merge) in prepared)
        {
            switch (await queue.CheckBaseAsync(merge, cancellationToken).ConfigureAwait(false))
            {
                case MergeOutcome.Refused refused:
                    return new MergeOutcome.Refused(In(repo, refused.Reason) + "; nothing merged in any repository");
                case { } other:
                    return other; // BaseDirty names the checkout, which says the repository
            }
        }

        var moved = new List<string>();
        foreach (var (repo, queue, merge) in prepared)
        {
            if (await queue.MoveBaseAsync(merge, cancellationToken).ConfigureAwait(false) is { } failed)
            {
                if (moved.Count == 0)
                    return failed;
                return new MergeOutcome.Refused(
                    $"merged in {string.Join(", ", moved)}, but not {In(repo, failed.Describe(request.Task))}: run the merge again to finish it (what merged stays merged)");
            }

            moved.Add(repo is null ? "this repository" : $"'{repo}'");
        }

        var first = prepared[0].Merge;
        return new MergeOutcome.Merged(first.Merged, first.BaseTip, first.FastForward, mergedGate);
    }

    private static string In(string? repo, string reason) => repo is null ? reason : $"in repository '{repo}': {reason}";
}

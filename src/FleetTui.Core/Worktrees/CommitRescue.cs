using FleetTui.Core.Git;

namespace FleetTui.Core.Worktrees;

/// <summary>
/// Keeps commits that a forced removal would make unreachable under <c>refs/fleet/rescued/&lt;task&gt;/&lt;sha&gt;</c>: one ref per tip
/// of the set keeps every commit of it. <c>git log refs/fleet/rescued/&lt;task&gt;/…</c> shows them;
/// <c>git update-ref -d</c> lets them go.
/// </summary>
public static class CommitRescue
{
    public const string RefPrefix = "refs/fleet/rescued/";

    /// <returns>The refs written, one per tip.</returns>
    public static async Task<IReadOnlyList<string>> KeepAsync(
        GitCli git, string repoRoot, string task, IEnumerable<LostCommit> commits, CancellationToken cancellationToken = default)
    {
        var set = commits.DistinctBy(c => c.Sha).ToList();
        var parents = set.SelectMany(c => c.Parents).ToHashSet(StringComparer.Ordinal);
        var refs = new List<string>();
        foreach (var tip in set.Where(c => !parents.Contains(c.Sha)))
        {
            var name = $"{RefPrefix}{task}/{tip.Sha[..Math.Min(12, tip.Sha.Length)]}";
            await git.RunAsync(repoRoot, ["update-ref", "-m", $"fleet: rescued from task '{task}'", name, tip.Sha], cancellationToken)
                .ConfigureAwait(false);
            refs.Add(name);
        }

        return refs;
    }
}

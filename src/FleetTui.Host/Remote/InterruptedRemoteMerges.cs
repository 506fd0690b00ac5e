using FleetTui.Core.Git;
using FleetTui.Core.Session;

namespace FleetTui.Host.Remote;

/// <summary>
/// Remote tasks a killed merge run merged without finishing: the local base moved, but this machine's record or its host never
/// heard. Nothing was written before the base moved, so the base itself is the evidence: a task that exists on its host, is not
/// merged there, and has commits whose tip is already in this machine's base, was merged here. The merge pass then finishes what
/// the killed run would have done (records it, tells its host, starts its dependents).
/// </summary>
internal static class InterruptedRemoteMerges
{
    /// <summary>The tasks of <paramref name="existing"/> (a host's, as it knows them now) whose tip is in <paramref name="baseBranch"/> here.</summary>
    public static async Task<List<(TaskSnapshot Task, string Tip)>> FindAsync(
        GitCli git, string localRoot, string baseBranch, IEnumerable<TaskSnapshot> existing, CancellationToken cancellationToken)
    {
        var found = new List<(TaskSnapshot, string)>();
        foreach (var task in existing)
        {
            // Without commits of its own its tip is its base's, which may well be in ours: that says nothing.
            if (task.Phase == TaskPhase.Merged || task.Status is not { Ahead: > 0, LastCommit.Sha: { } tip })
                continue;
            // A commit this clone never fetched is not in the base (git answers 128, not 0).
            var inBase = await git.TryRunAsync(localRoot, ["merge-base", "--is-ancestor", tip, $"refs/heads/{baseBranch}"], cancellationToken).ConfigureAwait(false);
            if (inBase.ExitCode == 0)
                found.Add((task, tip));
        }
        return found;
    }
}

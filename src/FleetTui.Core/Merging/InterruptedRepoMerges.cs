using FleetTui.Core.Git;
using FleetTui.Core.Session;

namespace FleetTui.Core.Merging;

/// <summary>
/// A task spanning several repositories whose merge run was killed after this repository's base moved and before every other
/// one's did: the decision was taken (every merge computed, the gate passed, every base checked), so the bases still behind move
/// now, under the same never-force rules (<see cref="MergeQueue.MergeAsync"/>). A base that moved meanwhile so that the merge no
/// longer goes through (a conflict, a checkout with uncommitted changes) is not forced: the caller sends the task to review, naming
/// the repository, and <c>fleet merge</c> finishes it once fixed (what merged stays merged).
/// </summary>
public static class InterruptedRepoMerges
{
    /// <summary>Null when the task is now merged in every repository (<paramref name="notes"/> says where it moved), else why not.</summary>
    public static async Task<string?> FinishAsync(FleetSession session, GitCli git, TaskSnapshot task, List<string> notes, CancellationToken cancellationToken)
    {
        var gates = new GateRunner(Path.Combine(session.Repository.FleetDir, "logs"));
        foreach (var repo in task.Repos)
        {
            MergeOutcome outcome;
            try
            {
                var queue = new MergeQueue(git, session.LinkedRepositories.Manager(repo.Name), gates);
                outcome = await queue.MergeAsync(new MergeRequest
                {
                    Task = task.Name, Branch = task.Branch, BaseBranch = repo.BaseBranch, FastForward = session.Current.Config.Fleet.FastForward,
                }, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception error) when (error is InvalidOperationException or GitException or IOException)
            {
                return $"an interrupted fleet merge merged it in this repository but not in '{repo.Name}': {error.Message}; fix it, then `fleet merge {task.Name}` finishes it";
            }

            switch (outcome)
            {
                case MergeOutcome.Merged:
                    notes.Add($"{task.Name}: [{repo.Name}] merged into {repo.BaseBranch}, finishing an interrupted fleet merge");
                    break;
                case MergeOutcome.AlreadyMerged:
                    break;
                default:
                    return $"an interrupted fleet merge merged it in this repository but not in '{repo.Name}': {outcome.Describe(task.Name)}; " +
                           $"fix it, then `fleet merge {task.Name}` finishes it";
            }
        }

        return null;
    }
}

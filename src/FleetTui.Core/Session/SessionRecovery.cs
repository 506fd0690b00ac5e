using FleetTui.Core.Git;
using FleetTui.Core.Worktrees;

namespace FleetTui.Core.Session;

/// <summary>
/// Reconciles state.json with what is on disk when a session opens (<c>git worktree prune</c> semantics, nothing destroyed):
/// a worktree folder deleted by hand → the task is Missing (its branch kept) and git's stale entry is pruned; a branch deleted or
/// rewritten behind our back → noted; a setup interrupted by a crash → SetupFailed. Git is asked first, without the state lock; the
/// repairs are then decided and written under the lock on the state as it is at that moment, so a change another fleet process
/// made meanwhile is never overwritten, and a task another process is creating right now (<see cref="TaskCreationLock"/>) is left
/// alone. A read-only session repairs its own copy in memory and writes nothing.
/// </summary>
public static class SessionRecovery
{
    public sealed record Result(SessionState State, IReadOnlyList<string> Notes);

    /// <summary>What git said about one task's branch and worktree, before the lock was taken.</summary>
    private sealed record BranchFacts(string Branch, string? KnownTip, bool BranchExists, string? Tip, WorktreeInfo? Registered, bool Rewritten);

    public static async Task<Result> RunAsync(
        GitCli git, WorktreeManager worktrees, SessionStore store, bool readOnly, CancellationToken cancellationToken)
    {
        var examined = store.Load();
        if (examined.Tasks.Count == 0)
            return new Result(examined, []);
        var root = worktrees.Repository.Root;
        var registered = (await worktrees.ListAsync(cancellationToken).ConfigureAwait(false))
            .ToDictionary(w => Path.TrimEndingDirectorySeparator(w.Path), StringComparer.Ordinal);
        var facts = new Dictionary<string, BranchFacts>(StringComparer.Ordinal);
        foreach (var task in examined.Tasks)
        {
            var exists = await git.BranchExistsAsync(root, task.Branch, cancellationToken).ConfigureAwait(false);
            var tip = exists ? await git.ResolveCommitAsync(root, $"refs/heads/{task.Branch}", cancellationToken).ConfigureAwait(false) : null;
            var rewritten = tip is not null && task.LastKnownTip is { } known && known != tip
                && !await IsAncestorAsync(git, root, known, tip, cancellationToken).ConfigureAwait(false);
            facts[task.Name] = new BranchFacts(task.Branch, task.LastKnownTip, exists, tip, registered.GetValueOrDefault(Path.TrimEndingDirectorySeparator(task.Worktree)), rewritten);
        }

        var notes = new List<string>();
        var pruneNeeded = false;
        SessionState Repair(SessionState fresh)
        {
            notes.Clear();
            pruneNeeded = false;
            var state = fresh;
            foreach (var task in fresh.Tasks)
            {
                var repaired = RepairTask(task, facts.GetValueOrDefault(task.Name), store.Directory, notes, ref pruneNeeded);
                if (!ReferenceEquals(repaired, task))
                    state = state.WithTask(repaired);
            }

            return state;
        }

        SessionState result;
        if (readOnly)
        {
            result = Repair(examined);
        }
        else
        {
            result = Repair(examined);
            if (!ReferenceEquals(result, examined))
                result = store.Update(Repair);
        }

        if (pruneNeeded && !readOnly)
        {
            // Only drops entries of missing folders, after keeping what only their reflogs reached.
            var rescued = await worktrees.PruneAsync(cancellationToken).ConfigureAwait(false);
            if (rescued.Count > 0)
                notes.Add($"kept {rescued.Count} commit tip(s) only a deleted worktree's history reached: {string.Join(", ", rescued)}");
        }

        return new Result(result, [.. notes]);
    }

    /// <summary>One task as it is under the lock; returns the same instance when nothing needs repairing.</summary>
    private static TaskState RepairTask(TaskState task, BranchFacts? facts, string fleetDir, List<string> notes, ref bool pruneNeeded)
    {
        if (task.Phase == TaskPhase.SettingUp && TaskCreationLock.IsHeld(fleetDir, task.Name))
            return task; // another fleet process is creating it right now: its folder may not exist yet, its setup is running
        // Facts gathered before the lock describe this task only if nobody changed its branch or known tip since.
        if (facts is not null && (facts.Branch != task.Branch || facts.KnownTip != task.LastKnownTip))
            facts = null;

        var repaired = task;
        if (task.Phase == TaskPhase.SettingUp)
        {
            repaired = repaired with { Phase = TaskPhase.SetupFailed, Note = "setup was interrupted (fleet stopped while it ran); see its log" };
            notes.Add($"{task.Name}: setup was interrupted; marked setup-failed");
        }

        if (repaired.HasWorktree && !Directory.Exists(task.Worktree))
        {
            var branchNote = facts?.BranchExists == false ? $"branch {task.Branch} is gone too" : $"branch {task.Branch} kept";
            repaired = repaired with { Phase = TaskPhase.Missing, Note = $"worktree folder was deleted outside fleet; {branchNote}" };
            notes.Add($"{task.Name}: worktree {task.Worktree} was deleted outside fleet; marked missing ({branchNote})");
            pruneNeeded |= facts?.Registered is not null;
        }
        else if (repaired.HasWorktree && facts is not null)
        {
            if (facts.Registered is null)
                notes.Add($"{task.Name}: {task.Worktree} exists but git no longer lists it as a worktree");
            else if (facts.Registered.Branch != task.Branch)
                notes.Add($"{task.Name}: its worktree has {(facts.Registered.Branch is null ? "a detached HEAD" : $"branch {facts.Registered.Branch}")} checked out, not {task.Branch}");
        }

        if (facts is null)
            return repaired;
        if (!facts.BranchExists && task.Phase is not (TaskPhase.Merged or TaskPhase.Pending or TaskPhase.Blocked) && repaired.Phase != TaskPhase.Missing)
            notes.Add($"{task.Name}: branch {task.Branch} was deleted outside fleet");
        if (facts.Rewritten)
            notes.Add($"{task.Name}: branch {task.Branch} was rewritten outside fleet (was {Short(task.LastKnownTip!)}, now {Short(facts.Tip!)})");
        if (facts.Tip is not null && facts.Tip != task.LastKnownTip)
            repaired = repaired with { LastKnownTip = facts.Tip };
        return repaired;
    }

    private static async Task<bool> IsAncestorAsync(GitCli git, string root, string ancestor, string descendant, CancellationToken cancellationToken) =>
        (await git.TryRunAsync(root, ["merge-base", "--is-ancestor", ancestor, descendant], cancellationToken).ConfigureAwait(false)).ExitCode == 0;

    private static string Short(string sha) => sha.Length > 7 ? sha[..7] : sha;
}

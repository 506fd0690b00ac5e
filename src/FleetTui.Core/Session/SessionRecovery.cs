using FleetTui.Core.Git;
using FleetTui.Core.Worktrees;

namespace FleetTui.Core.Session;

/// <summary>
/// Reconciles state.json with what is on disk when a session opens (<c>git worktree prune</c> semantics, nothing destroyed):
/// a worktree folder deleted by hand → the task is Missing (its branch kept) and git's stale entry is pruned; a branch deleted or
/// rewritten behind our back → noted; a setup interrupted by a crash → SetupFailed. Returns the repaired tasks and one note per finding.
/// </summary>
public static class SessionRecovery
{
    public sealed record Result(IReadOnlyList<TaskState> ChangedTasks, IReadOnlyList<string> Notes);

    public static async Task<Result> RunAsync(GitCli git, WorktreeManager worktrees, SessionState state, CancellationToken cancellationToken)
    {
        var root = worktrees.Repository.Root;
        var registered = (await worktrees.ListAsync(cancellationToken).ConfigureAwait(false))
            .ToDictionary(w => Path.TrimEndingDirectorySeparator(w.Path), StringComparer.Ordinal);
        var changed = new List<TaskState>();
        var notes = new List<string>();
        var pruneNeeded = false;

        foreach (var task in state.Tasks)
        {
            var repaired = task;
            var branchExists = await git.BranchExistsAsync(root, task.Branch, cancellationToken).ConfigureAwait(false);
            var tip = branchExists ? await git.ResolveCommitAsync(root, $"refs/heads/{task.Branch}", cancellationToken).ConfigureAwait(false) : null;

            if (task.Phase == TaskPhase.SettingUp)
            {
                repaired = repaired with { Phase = TaskPhase.SetupFailed, Note = "setup was interrupted (fleet stopped while it ran); see its log" };
                notes.Add($"{task.Name}: setup was interrupted; marked setup-failed");
            }

            if (repaired.HasWorktree && !Directory.Exists(task.Worktree))
            {
                var branchNote = branchExists ? $"branch {task.Branch} kept" : $"branch {task.Branch} is gone too";
                repaired = repaired with { Phase = TaskPhase.Missing, Note = $"worktree folder was deleted outside fleet; {branchNote}" };
                notes.Add($"{task.Name}: worktree {task.Worktree} was deleted outside fleet; marked missing ({branchNote})");
                pruneNeeded |= registered.ContainsKey(Path.TrimEndingDirectorySeparator(task.Worktree));
            }
            else if (repaired.HasWorktree)
            {
                if (!registered.TryGetValue(Path.TrimEndingDirectorySeparator(task.Worktree), out var listed))
                    notes.Add($"{task.Name}: {task.Worktree} exists but git no longer lists it as a worktree");
                else if (listed.Branch != task.Branch)
                    notes.Add($"{task.Name}: its worktree has {(listed.Branch is null ? "a detached HEAD" : $"branch {listed.Branch}")} checked out, not {task.Branch}");
            }

            if (!branchExists && task.Phase is not (TaskPhase.Merged or TaskPhase.Pending or TaskPhase.Blocked) && repaired.Phase != TaskPhase.Missing)
                notes.Add($"{task.Name}: branch {task.Branch} was deleted outside fleet");

            if (tip is not null && task.LastKnownTip is { } known && known != tip
                && !await IsAncestorAsync(git, root, known, tip, cancellationToken).ConfigureAwait(false))
            {
                notes.Add($"{task.Name}: branch {task.Branch} was rewritten outside fleet (was {Short(known)}, now {Short(tip)})");
            }

            if (tip is not null && tip != task.LastKnownTip)
                repaired = repaired with { LastKnownTip = tip };
            if (repaired != task)
                changed.Add(repaired);
        }

        if (pruneNeeded)
            await git.RunAsync(root, ["worktree", "prune"], cancellationToken).ConfigureAwait(false); // only drops entries of missing folders
        return new Result(changed, notes);
    }

    private static async Task<bool> IsAncestorAsync(GitCli git, string root, string ancestor, string descendant, CancellationToken cancellationToken) =>
        (await git.TryRunAsync(root, ["merge-base", "--is-ancestor", ancestor, descendant], cancellationToken).ConfigureAwait(false)).ExitCode == 0;

    private static string Short(string sha) => sha.Length > 7 ? sha[..7] : sha;
}

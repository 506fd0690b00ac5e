namespace FleetTui.Core.Worktrees;

/// <summary>
/// Creates a task's worktrees in every repository it spans, all or nothing: each worktree is prepared (git worktree add, setup files)
/// in turn, and a failure in any undoes the ones already made before it is reported, so no repository is left with a worktree of a
/// task that does not exist. Setup commands run only once every worktree exists (this repository's first); a failing one leaves the
/// worktrees for inspection, as for a single repository, and says which repository's setup failed.
/// </summary>
public static class TaskWorktreesCreator
{
    public static async Task<CreatedWorktree> CreateAsync(
        WorktreeManager main, WorktreeRequest mainRequest, IReadOnlyList<RepoWorktreeRequest> others, CancellationToken cancellationToken = default)
    {
        if (others.Count == 0)
            return await main.CreateAsync(mainRequest, cancellationToken).ConfigureAwait(false);

        var prepared = new List<(WorktreeManager Manager, PreparedWorktree Worktree)>();
        var mainWorktree = await main.PrepareAsync(mainRequest, cancellationToken).ConfigureAwait(false);
        prepared.Add((main, mainWorktree));
        foreach (var other in others)
        {
            try
            {
                prepared.Add((other.Manager, await other.Manager.PrepareAsync(other.Request, cancellationToken).ConfigureAwait(false)));
            }
            catch (Exception error)
            {
                var leftovers = await UndoAllAsync(prepared).ConfigureAwait(false);
                if (error is OperationCanceledException)
                    throw;
                var undone = string.Join(", ", prepared.Select(p => p.Worktree.Created.Path));
                var outcome = leftovers.Count == 0
                    ? $"Nothing was kept: the worktrees already made ({undone}) were removed."
                    : $"Undoing the worktrees already made failed, remove them by hand: {string.Join("; ", leftovers)}";
                throw new WorktreeException($"Could not create task '{mainRequest.Task}' in repository '{other.Repo}': {error.Message} {outcome}", error);
            }
        }

        var setup = await main.RunSetupAsync(mainRequest, mainWorktree.Created.Path, cancellationToken).ConfigureAwait(false);
        for (var i = 0; i < others.Count && setup.Succeeded; i++)
        {
            var other = others[i];
            var outcome = await other.Manager.RunSetupAsync(other.Request, prepared[i + 1].Worktree.Created.Path, cancellationToken).ConfigureAwait(false);
            if (!outcome.Succeeded)
                setup = outcome with { Failure = $"setup in repository '{other.Repo}' failed: {outcome.Failure}" };
        }

        return mainWorktree.Created with { Setup = setup };
    }

    /// <summary>Newest first; every one is tried even when another cannot be undone. Returns what could not be undone.</summary>
    private static async Task<List<string>> UndoAllAsync(List<(WorktreeManager Manager, PreparedWorktree Worktree)> prepared)
    {
        var leftovers = new List<string>();
        for (var i = prepared.Count - 1; i >= 0; i--)
        {
            try
            {
                await prepared[i].Manager.UndoAsync(prepared[i].Worktree).ConfigureAwait(false);
            }
            catch (Exception error) when (error is not OutOfMemoryException)
            {
                leftovers.Add($"{prepared[i].Worktree.Created.Path} ({error.Message})");
            }
        }

        return leftovers;
    }
}

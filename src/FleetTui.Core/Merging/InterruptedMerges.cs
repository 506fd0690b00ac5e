using FleetTui.Core.Config;
using FleetTui.Core.Git;
using FleetTui.Core.Session;
using FleetTui.Core.Worktrees;

namespace FleetTui.Core.Merging;

/// <summary>
/// Finishes what a killed merge run left half done, when a session that may write opens and no merge runs (the <see cref="MergeLock"/>
/// is free): removes its temporary checkouts (<see cref="ScratchWorktrees"/>) and settles each journal entry
/// (<see cref="TaskState.MergingTip"/>): a merge that landed in the base is recorded as merged, cleaned up (cleanup = "on-merge"),
/// and its dependents whose dependencies have all merged are started, exactly as the run would have; one that did not land is
/// forgotten. Returns one note per thing done.
/// </summary>
public static class InterruptedMerges
{
    public static async Task<IReadOnlyList<string>> FinishAsync(FleetSession session, GitCli git, CancellationToken cancellationToken = default)
    {
        using var mergeLock = MergeLock.TryAcquire(session.Repository.FleetDir);
        if (mergeLock is null)
            return []; // a merge runs right now: its scratch and its journal are its own
        var notes = new List<string>(await ScratchWorktrees.CleanAsync(new WorktreeManager(git, session.Repository), cancellationToken).ConfigureAwait(false));
        foreach (var name in session.Current.Tasks.Where(t => t.MergingTip is not null).Select(t => t.Name).ToList())
        {
            var task = session.Current.FindTask(name)!;
            var landed = (await git.TryRunAsync(session.Repository.Root,
                ["merge-base", "--is-ancestor", task.MergingTip!, $"refs/heads/{session.Current.BaseBranch}"], cancellationToken).ConfigureAwait(false)).ExitCode == 0;
            // Spanning other repositories, it is merged once every base moved: the ones still behind move now, or it goes to review.
            if (landed && task.Repos.Count > 0
                && await InterruptedRepoMerges.FinishAsync(session, git, task, notes, cancellationToken).ConfigureAwait(false) is { } unfinished)
            {
                await session.SendAsync(new SessionCommand.SetPhase(name, TaskPhase.Review, unfinished)).ConfigureAwait(false);
                notes.Add($"{name}: {unfinished}");
            }
            else if (landed)
            {
                notes.AddRange(await FinishLandedAsync(session, session.Current.FindTask(name)!).ConfigureAwait(false));
            }
            else
            {
                notes.Add($"{name}: an interrupted fleet merge had not merged it; nothing changed");
            }
            await session.SendAsync(new SessionCommand.EndMerge(name)).ConfigureAwait(false);
        }

        return notes;
    }

    private static async Task<IReadOnlyList<string>> FinishLandedAsync(FleetSession session, TaskSnapshot task)
    {
        var notes = new List<string>();
        if (task.Phase != TaskPhase.Merged)
        {
            await session.SendAsync(new SessionCommand.SetPhase(task.Name, TaskPhase.Merged, "merged (recorded after an interrupted fleet merge)")).ConfigureAwait(false);
            notes.Add($"{task.Name}: an interrupted fleet merge had merged it; recorded as merged");
        }

        if (session.Current.Config.Fleet.Cleanup == CleanupPolicy.OnMerge && Directory.Exists(task.WorktreePath))
        {
            var cleaned = await session.SendAsync(new SessionCommand.DestroyTask(task.Name)).ConfigureAwait(false);
            notes.Add($"{task.Name}: {(cleaned.Succeeded ? "cleaned up after its merge" : "kept after its merge: " + cleaned.Message)}");
        }

        var merged = session.Current.Tasks.Where(t => t.Phase == TaskPhase.Merged).Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var dependent in session.Current.Tasks.Where(t => t.DependsOn.Contains(task.Name)).ToList())
        {
            if (dependent.Phase is not (TaskPhase.Blocked or TaskPhase.Pending) || !dependent.DependsOn.All(merged.Contains))
                continue;
            var started = await session.SendAsync(new SessionCommand.CreateTask(dependent.Name)).ConfigureAwait(false);
            notes.Add($"{dependent.Name}: {(started.Succeeded ? "started from the integrated base" : "could not start: " + started.Message)} " +
                      $"(its dependencies merged in an interrupted fleet merge)");
        }

        return notes;
    }
}

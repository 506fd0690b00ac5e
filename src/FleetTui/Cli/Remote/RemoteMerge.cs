using FleetTui.Core.Merging;
using FleetTui.Core.Session;
using FleetTui.Core.Worktrees;
using FleetTui.Remote;

namespace FleetTui.Cli.Remote;

/// <summary>
/// The remote hosts' part of <c>fleet merge</c>, after the local queue's run: each remote task ready by the same rules as
/// a local one (<see cref="MergePlanner"/> on its host's facts) whose dependencies have merged here (a local task the run
/// merged, or a remote task merged before it in this pass) is fetched over ssh (<see cref="RemoteBranchFetcher"/>) and
/// merged into the local base by the same <see cref="MergeQueue"/>: in memory, never forced, the base moved only when its
/// checkout is clean, under the merge lock. Its gate is its host's (a failed one keeps it out, as the planner says).
/// Nothing changes on the remote host: its worktree and branch stay until removed there.
/// </summary>
public static class RemoteMerge
{
    /// <summary>Writes a line per remote task considered; false when one could not be merged (or waits on a dependency).</summary>
    /// <param name="only">Tasks named on the command line (<c>api</c> or <c>api@box</c>), or null for every ready one.</param>
    /// <param name="mergedHere">Local tasks the run just merged (the snapshot may not say so yet).</param>
    public static async Task<bool> RunAsync(
        CliContext context, SessionSnapshot local, IReadOnlyCollection<string> mergedHere, IReadOnlySet<string>? only, CancellationToken cancellationToken)
    {
        if (local.Config.Hosts.Count == 0)
            return true;
        var candidates = new List<(Core.Config.RemoteHostConfig Host, TaskSnapshot Task, MergeReadiness Readiness)>();
        var lines = new List<string>();
        foreach (var view in await RemoteHostViews.ReadAllAsync(context, local.RepoRoot, local.Config, cancellationToken))
        {
            if (view.Error is { } error)
            {
                lines.Add($"  host {view.Host.Name}: {error}");
                continue;
            }
            // Readiness as its host knows the task; its dependencies are judged here, where they merge.
            var tasks = view.Tasks.Select(t => t with { DependsOn = [] }).ToList();
            var plan = MergePlanner.PlanFor(view.Snapshot! with { Tasks = tasks });
            foreach (var entry in plan.Entries)
            {
                var task = view.Tasks.Single(t => t.Name == entry.Name);
                if (only is null || only.Contains(task.Name) || only.Contains($"{task.Name}@{view.Host.Name}"))
                    candidates.Add((view.Host, task, entry.Readiness));
            }
        }
        // Every ready one (the plan above lists the others and why), or the named ones whatever they are.
        candidates.RemoveAll(c => c.Readiness is MergeReadiness.Merged || (only is null && !c.Readiness.CanAttempt));
        if (candidates.Count == 0 && lines.Count == 0)
            return true;

        await context.Out.WriteLineAsync("Remote tasks (fetched over ssh, merged here by the same queue):");
        var succeeded = lines.Count == 0;
        foreach (var line in lines)
            await context.Out.WriteLineAsync(line);
        if (candidates.Count == 0)
            return succeeded;
        var git = FleetWorkspace.GitFor(context);
        var repository = await Core.Git.RepositoryFacts.ReadAsync(git, local.RepoRoot, cancellationToken);
        using var mergeLock = MergeLock.TryAcquire(repository.FleetDir);
        if (mergeLock is null)
        {
            await context.Out.WriteLineAsync("  another merge run holds the merge lock: run fleet merge again once it ends");
            return false;
        }
        var queue = new MergeQueue(git, new WorktreeManager(git, repository), new GateRunner(Path.Combine(repository.FleetDir, "logs")));
        var fetcher = new RemoteBranchFetcher(SshSettings.FromEnvironment(context.Variable), git);
        var merged = local.Tasks.Where(t => t.Phase == TaskPhase.Merged).Select(t => t.Name).Concat(mergedHere).ToHashSet(StringComparer.Ordinal);
        // Dependency order: a pass merges every task whose dependencies are in; repeat while one more could follow.
        for (var progress = true; progress && candidates.Count > 0;)
        {
            progress = false;
            foreach (var candidate in candidates.Where(c => c.Task.DependsOn.All(merged.Contains)).ToList())
            {
                candidates.Remove(candidate);
                progress = true;
                var (host, task, readiness) = candidate;
                var label = $"{task.Name}@{host.Name}";
                if (!readiness.CanAttempt)
                {
                    await context.Out.WriteLineAsync($"  {label}: not merged: {readiness.Why} (on {host.Name})");
                    succeeded = false;
                    continue;
                }
                MergeOutcome outcome;
                try
                {
                    var fetched = await fetcher.FetchAsync(local.RepoRoot, host, task.Branch, cancellationToken);
                    outcome = await queue.MergeAsync(new MergeRequest
                    {
                        Task = label,
                        Branch = task.Branch,
                        TipRef = "refs/remotes/" + fetched,
                        BaseBranch = local.BaseBranch,
                        FastForward = local.Config.Fleet.FastForward,
                    }, cancellationToken);
                }
                catch (RemoteHostException error)
                {
                    await context.Out.WriteLineAsync($"  {label}: {error.Message}");
                    succeeded = false;
                    continue;
                }
                await context.Out.WriteLineAsync($"  {outcome.Describe(label)}");
                if (outcome is MergeOutcome.Merged or MergeOutcome.AlreadyMerged)
                    merged.Add(task.Name);
                else
                    succeeded = false;
            }
        }
        foreach (var (host, task, _) in candidates)
        {
            await context.Out.WriteLineAsync($"  {task.Name}@{host.Name}: waiting on {string.Join(", ", task.DependsOn.Where(d => !merged.Contains(d)))}");
            succeeded = false;
        }
        return succeeded;
    }
}

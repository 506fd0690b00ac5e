using FleetTui.Core.Git;
using FleetTui.Core.Session;
using FleetTui.Core.Worktrees;

namespace FleetTui.Core.Merging;

/// <summary>
/// The merge queue wired to a session: what <c>fleet merge</c>, <c>fleet gate</c> and the merge-order panel call.
/// It reads the session's snapshot, predicts conflicts, plans, and runs gates and merges with results going back through the session.
/// With <paramref name="remote"/>, the remote hosts' tasks merge in the same run (under the same lock): after the local tasks, and
/// before the local tasks that wait on them (<see cref="RemoteMergeRounds"/>).
/// </summary>
public sealed class SessionMerger(FleetSession session, GitCli git, IRemoteMergeWork? remote = null)
{
    public GateRunner Gates { get; } = new(Path.Combine(session.Repository.FleetDir, "logs"));

    /// <summary>Refreshes branch status, predicts conflicts between in-flight branches and the base, and plans.</summary>
    public async Task<MergePlan> PlanAsync(CancellationToken cancellationToken = default)
    {
        await session.SendAsync(new SessionCommand.RefreshStatus()).ConfigureAwait(false);
        var snapshot = session.Current;
        return MergePlanner.PlanFor(snapshot, PredictConflicts(snapshot));
    }

    /// <summary>Trial merges of every in-flight branch (a worktree and commits of its own) with the base and with each other.</summary>
    public static IReadOnlyList<PredictedConflict> PredictConflicts(SessionSnapshot snapshot)
    {
        var inFlight = snapshot.Tasks
            .Where(t => t.Phase is TaskPhase.Active or TaskPhase.Done or TaskPhase.Review && t.Status is { Ahead: > 0 })
            .Select(t => new ProbeBranch(t.Name, t.Branch))
            .ToList();
        var predicted = new List<PredictedConflict>();
        if (inFlight.Count > 0)
        {
            using var probe = new ConflictProbe(snapshot.RepoRoot);
            predicted.AddRange(probe.Refresh(snapshot.BaseBranch, inFlight));
        }

        predicted.AddRange(PredictInOtherRepositories(snapshot));
        return predicted;
    }

    /// <summary>
    /// The same per repository a task spans: its branch there with that base and with the other tasks' branches there (paths marked
    /// <c>[repo]</c>). Tasks are compared only with those starting from the same base in that repository.
    /// </summary>
    private static IEnumerable<PredictedConflict> PredictInOtherRepositories(SessionSnapshot snapshot)
    {
        var groups = snapshot.Tasks
            .Where(t => t.Phase is TaskPhase.Active or TaskPhase.Done or TaskPhase.Review)
            .SelectMany(t => t.Repos.Where(r => r.Status is { Ahead: > 0 } && Directory.Exists(r.WorktreePath)).Select(r => (Task: t, Repo: r)))
            .GroupBy(x => (x.Repo.Name, x.Repo.BaseBranch));
        foreach (var group in groups)
        {
            IReadOnlyList<PredictedConflict> found;
            try
            {
                // Any worktree of that repository opens it (refs are shared by all its worktrees).
                using var probe = new ConflictProbe(group.First().Repo.WorktreePath);
                found = probe.Refresh(group.Key.BaseBranch, [.. group.Select(x => new ProbeBranch(x.Task.Name, x.Task.Branch))]);
            }
            catch (Exception error) when (error is LibGit2Sharp.LibGit2SharpException or ArgumentException)
            {
                continue; // a base deleted or a worktree mid-removal: the merge itself says more
            }

            foreach (var conflict in found)
                yield return conflict with { Paths = [.. conflict.Paths.Select(p => $"[{group.Key.Name}] {p}")] };
        }
    }

    /// <summary>Gates and merges the plan in order (only <paramref name="only"/> when given), reporting each step as it happens.</summary>
    /// <remarks>
    /// Holds the <see cref="MergeLock"/> for the whole run: a second run (another fleet merge, the cockpit) stops at once instead of
    /// interleaving, and what this run leaves half done if killed is finished by the next session that opens.
    /// </remarks>
    public async Task<MergeRunReport> RunAsync(MergePlan plan, IReadOnlySet<string>? only, Action<MergeStep> report, CancellationToken cancellationToken = default)
    {
        using var mergeLock = MergeLock.TryAcquire(session.Repository.FleetDir);
        if (mergeLock is null)
        {
            var busy = new MergeStep("", MergeStepKind.Stopped, "another fleet merge is running in this repository; nothing merged (try again when it ends)");
            report(busy);
            return new MergeRunReport([busy]);
        }

        var snapshot = session.Current;
        // Names of remote tasks go to the remote pass; the local run gets the rest. A task declared on a host is never merged by
        // the local run (it has no branch here), but it stays in its plan: its dependencies order it, and it is started there.
        var remoteNames = only?.Where(n => Config.Hosts.RemoteTaskName.Find(snapshot.Config, n) is not null).ToHashSet(StringComparer.Ordinal);
        var localOnly = (only?.Except(remoteNames!) ?? plan.Entries.Select(e => e.Name))
            .Where(n => snapshot.Config.FindTask(n)?.Host is null)
            .ToHashSet(StringComparer.Ordinal);
        if (remote is null || snapshot.Config.Hosts.Count == 0 || remoteNames is { Count: 0 })
            return await LocalRun(report).ExecuteAsync(plan, facts => GateFor(facts.Name), localOnly, cancellationToken).ConfigureAwait(false);

        var log = new MergeStepLog(report);
        var run = LocalRun(log.Report);
        var afterRemote = RemoteMergeRounds.WaitingOnRemote(snapshot, localOnly);
        var local = await run.ExecuteAsync(plan, facts => GateFor(facts.Name), localOnly.Except(afterRemote).ToHashSet(StringComparer.Ordinal), cancellationToken)
            .ConfigureAwait(false);
        if (local.Stopped is null)
        {
            await new RemoteMergeRounds(session, git, remote, new SessionMergeHost(session, log.Report, remote), log).RunAsync(remoteNames, afterRemote, [.. local.Merged],
                async pending => await run.ExecuteAsync(await PlanAsync(cancellationToken).ConfigureAwait(false), facts => GateFor(facts.Name), pending, cancellationToken)
                    .ConfigureAwait(false),
                cancellationToken).ConfigureAwait(false);
        }
        return new MergeRunReport(log.Steps);
    }

    /// <summary>The run of this machine's tasks, reporting to <paramref name="report"/>.</summary>
    private MergeRun LocalRun(Action<MergeStep> report)
    {
        var host = new SessionMergeHost(session, report, remote);
        var worktrees = new WorktreeManager(git, session.Repository);
        return new MergeRun(new MergeQueue(git, worktrees, Gates), Gates, host, host, MergeRunSettings.From(session.Current.Config.Fleet, session.Current.BaseBranch),
            repo => new MergeQueue(git, session.LinkedRepositories.Manager(repo), Gates));
    }

    /// <summary>Runs one task's gate in its worktree now and records the result.</summary>
    public async Task<GateState> RunGateAsync(string task, CancellationToken cancellationToken = default)
    {
        await session.SendAsync(new SessionCommand.RefreshStatus()).ConfigureAwait(false);
        var gate = await Gates.RunAsync(GateFor(task), cancellationToken).ConfigureAwait(false);
        await session.SendAsync(new SessionCommand.RecordGate(task, gate)).ConfigureAwait(false);
        return gate;
    }

    private GateRequest GateFor(string task)
    {
        var snapshot = session.Current;
        var found = snapshot.FindTask(task) ?? throw new ArgumentException($"No task named '{task}'.", nameof(task));
        return TaskGateRequest.For(snapshot, session.Repository, found);
    }
}

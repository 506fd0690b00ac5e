using FleetTui.Core.Git;
using FleetTui.Core.Session;

namespace FleetTui.Core.Merging;

/// <summary>
/// A merge run's order when fleet.toml declares remote hosts: the local tasks that wait on no remote task first, then the remote
/// hosts' tasks (<see cref="IRemoteMergeWork"/>, which records each one merged here in the session), then the local tasks that
/// waited on one of them; and again while a local pass merges something a remote task may wait on. A local dependent of a remote
/// task that does not exist yet starts from the integrated base once its last dependency merged, as one of a local task does.
/// </summary>
internal sealed class RemoteMergeRounds(FleetSession session, GitCli git, IRemoteMergeWork remote, IMergeRunHost host, MergeStepLog log)
{
    /// <summary>
    /// The local tasks of <paramref name="local"/> that wait, directly or through other local tasks, on a task fleet.toml declares on
    /// a remote host that has not merged here: they go after the remote pass.
    /// </summary>
    public static HashSet<string> WaitingOnRemote(SessionSnapshot snapshot, IEnumerable<string> local)
    {
        var byName = snapshot.Tasks.ToDictionary(t => t.Name, StringComparer.Ordinal);
        var memo = new Dictionary<string, bool>(StringComparer.Ordinal);
        bool Waits(string name)
        {
            if (memo.TryGetValue(name, out var known))
                return known;
            memo[name] = false; // a cycle is refused at load; this only keeps a slipped one finite
            var waits = byName.TryGetValue(name, out var task) && task.Phase != TaskPhase.Merged
                && (task.Host is not null || task.DependsOn.Any(Waits));
            return memo[name] = waits;
        }
        return local.Where(n => byName.TryGetValue(n, out var t) && t.Host is null && t.DependsOn.Any(Waits)).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>
    /// Remote pass, then a local pass over <paramref name="pending"/> (by <paramref name="localPass"/>, on a fresh plan), repeated
    /// while the local pass merges something; <paramref name="mergedHere"/> are the local tasks merged so far in this run.
    /// </summary>
    public async Task RunAsync(
        IReadOnlySet<string>? remoteNames, HashSet<string> pending, List<string> mergedHere,
        Func<IReadOnlySet<string>, Task<MergeRunReport>> localPass, CancellationToken cancellationToken)
    {
        while (true)
        {
            var before = RemoteMerged(session.Current);
            var remoteSteps = await remote.MergeAsync(remoteNames, mergedHere, log.Report, cancellationToken).ConfigureAwait(false);
            if (remoteSteps.Any(s => s.Kind == MergeStepKind.Stopped))
                return;
            var newly = RemoteMerged(session.Current);
            newly.ExceptWith(before);
            await StartLocalDependentsAsync(newly, cancellationToken).ConfigureAwait(false);
            if (pending.Count == 0)
                return;
            var local = await localPass(pending).ConfigureAwait(false);
            pending.ExceptWith(local.Merged);
            mergedHere.AddRange(local.Merged);
            // What it merged may be what a remote task waits on: the hosts are asked again (named tasks were judged once: enough).
            if (local.Stopped is not null || local.Merged.Count == 0 || remoteNames is not null)
                return;
        }
    }

    /// <summary>The tasks this machine recorded as merged from a remote host.</summary>
    private static HashSet<string> RemoteMerged(SessionSnapshot snapshot) =>
        snapshot.Tasks.Where(t => t.Host is not null && t.Phase == TaskPhase.Merged).Select(t => t.Name).ToHashSet(StringComparer.Ordinal);

    /// <summary>The seeds' rule, as <see cref="MergeRun"/> applies it after a local merge: once, when the last dependency merged.</summary>
    private async Task StartLocalDependentsAsync(HashSet<string> merged, CancellationToken cancellationToken)
    {
        if (merged.Count == 0)
            return;
        var snapshot = session.Current;
        var done = snapshot.Tasks.Where(t => t.Phase == TaskPhase.Merged).Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        var dependents = snapshot.Tasks.Where(t => t.Host is null && t.Phase is TaskPhase.Blocked or TaskPhase.Pending
            && t.DependsOn.Any(merged.Contains) && t.DependsOn.All(done.Contains)).ToList();
        if (dependents.Count == 0)
            return;
        var baseTip = await git.ResolveCommitAsync(snapshot.RepoRoot, $"refs/heads/{snapshot.BaseBranch}", cancellationToken).ConfigureAwait(false);
        if (baseTip is null)
            return;
        foreach (var dependent in dependents)
        {
            var notStarted = await host.StartDependentAsync(dependent.Name, baseTip, cancellationToken).ConfigureAwait(false);
            log.Report(notStarted is null
                ? new MergeStep(dependent.Name, MergeStepKind.DependentStarted, $"{dependent.Name}: started from the integrated base {baseTip[..Math.Min(10, baseTip.Length)]}")
                : new MergeStep(dependent.Name, MergeStepKind.Skipped, $"{dependent.Name}: not started: {notStarted}"));
        }
    }
}

using FleetTui.Core.Config;
using FleetTui.Core.Config.Hosts;
using FleetTui.Core.Git;
using FleetTui.Core.Merging;
using FleetTui.Core.Session;
using FleetTui.Core.Worktrees;
using FleetTui.Host.Client;
using FleetTui.Host.Protocol;

namespace FleetTui.Host.Remote;

/// <summary>
/// The remote hosts' part of a merge run, after the local tasks (<see cref="SessionMerger"/> calls it under the merge lock),
/// for the cockpit's merges (through the fleet host) and <c>fleet merge</c> alike. Each remote task ready by the same rules as
/// a local one (<see cref="MergePlanner"/> on its host's facts) whose dependencies have merged here is, in dependency order:
/// gated where <c>gate_on</c> says (on its host, in its worktree, or here on the merged result), fetched over ssh
/// (<see cref="RemoteBranchFetcher"/>) and merged into the local base by the same <see cref="MergeQueue"/>: in memory, never
/// forced, the base moved only when its checkout is clean. Then its host learns the result: merged (and cleaned up there by
/// the same policy, <see cref="RemoteMergedCleanup"/>), or in review with the conflicting paths; and dependents fleet.toml
/// declares on a remote host start there from the integrated base (<see cref="RemoteDependentStarter"/>).
/// </summary>
public sealed class RemoteMergePass(FleetSession session, GitCli git, SshSettings ssh) : IRemoteMergeWork
{
    /// <summary>The pass of a session, ssh set up from <paramref name="variable"/> (it does nothing while fleet.toml declares no host).</summary>
    public static RemoteMergePass For(FleetSession session, GitCli git, Func<string, string?> variable) =>
        new(session, git, SshSettings.FromEnvironment(variable));

    private GitCli Git => git;

    private SshSettings Ssh => ssh;

    private FleetSession Session => session;

    /// <param name="HasGateThere">Its host's fleet.toml gives it a gate (its own or the fleet's).</param>
    private sealed record Candidate(
        RemoteFleet Fleet, RemoteTaskName Name, TaskSnapshot Task, MergeReadiness Readiness, IReadOnlyList<string> DependsOn, bool HasGateThere);

    public Task<CommandResult> StartDependentAsync(string task, CancellationToken cancellationToken) =>
        new RemoteDependentStarter(ssh, git).StartAsync(session.Current, task, cancellationToken);

    public async Task<IReadOnlyList<MergeStep>> MergeAsync(
        IReadOnlySet<string>? only, IReadOnlyCollection<string> mergedHere, Action<MergeStep> report, CancellationToken cancellationToken)
    {
        var run = new Run(this, session.Current, report);
        await using (run)
            await run.ExecuteAsync(only, mergedHere, cancellationToken).ConfigureAwait(false);
        return run.Steps;
    }

    /// <summary>One pass: its connections (one per host, shared ssh), what merged so far, and the steps it reported.</summary>
    private sealed class Run(RemoteMergePass pass, SessionSnapshot local, Action<MergeStep> report) : IAsyncDisposable
    {
        private readonly Dictionary<string, RemoteFleet> _fleets = new(StringComparer.Ordinal);
        private readonly HashSet<string> _merged = new(StringComparer.Ordinal);
        private readonly MergeRunSettings _settings = MergeRunSettings.From(local.Config.Fleet, local.BaseBranch);
        private readonly MergeQueue _queue = new(pass.Git, new WorktreeManager(pass.Git, pass.Session.Repository),
            new GateRunner(Path.Combine(pass.Session.Repository.FleetDir, "logs")));
        private bool _stopped;

        public List<MergeStep> Steps { get; } = [];

        private void Step(string task, MergeStepKind kind, string message)
        {
            var step = new MergeStep(task, kind, message);
            Steps.Add(step);
            report(step);
        }

        public async Task ExecuteAsync(IReadOnlySet<string>? only, IReadOnlyCollection<string> mergedHere, CancellationToken cancellationToken)
        {
            var named = only?.Select(n => RemoteTaskName.Find(local.Config, n)).OfType<RemoteTaskName>().ToHashSet();
            _merged.UnionWith(local.Tasks.Where(t => t.Phase == TaskPhase.Merged).Select(t => t.Name));
            _merged.UnionWith(mergedHere);
            var candidates = new List<Candidate>();
            var recovered = new List<Candidate>();
            foreach (var host in local.Config.Hosts.Values.Where(h => named is null || named.Any(n => n.Host == h.Name)).OrderBy(h => h.Name, StringComparer.Ordinal))
            {
                try
                {
                    candidates.AddRange(await CandidatesOnAsync(host, named, recovered, cancellationToken).ConfigureAwait(false));
                }
                catch (Exception error) when (error is RemoteHostException or HostConnectionLostException or IOException)
                {
                    Step($"@{host.Name}", MergeStepKind.Unreached, $"host '{host.Name}': {error.Message}");
                }
            }

            foreach (var interrupted in recovered)
                await FinishInterruptedAsync(interrupted, cancellationToken).ConfigureAwait(false);

            // Dependency order: a pass takes every task whose dependencies are in; repeat while one more could follow.
            for (var progress = true; progress && candidates.Count > 0 && !_stopped;)
            {
                progress = false;
                foreach (var candidate in candidates.Where(c => c.DependsOn.All(_merged.Contains)).ToList())
                {
                    candidates.Remove(candidate);
                    progress = true;
                    bool merged;
                    try
                    {
                        merged = await MergeAsync(candidate, cancellationToken).ConfigureAwait(false);
                    }
                    catch (Exception error) when (error is RemoteHostException or HostConnectionLostException or IOException)
                    {
                        Step(candidate.Name.Qualified, MergeStepKind.Unreached, $"{candidate.Name.Qualified}: {error.Message}");
                        continue;
                    }
                    if (_stopped)
                        return;
                    if (!merged)
                        continue;
                    _merged.Add(candidate.Name.Task);
                    _merged.Add(candidate.Name.Qualified);
                    await StartDependentsAsync(candidate.Name.Task, cancellationToken).ConfigureAwait(false);
                }
            }
            foreach (var waiting in candidates)
            {
                Step(waiting.Name.Qualified, MergeStepKind.Held,
                    $"{waiting.Name.Qualified}: held: waits on {string.Join(", ", waiting.DependsOn.Where(d => !_merged.Contains(d)).Select(Label))}, not merged here");
            }
        }

        /// <summary>The host's tasks to consider: every ready one, or the named ones whatever they are (a step says why one will not merge).</summary>
        /// <param name="recovered">Gets the host's tasks a killed run had merged here without finishing (<see cref="InterruptedRemoteMerges"/>).</param>
        private async Task<List<Candidate>> CandidatesOnAsync(
            RemoteHostConfig host, HashSet<RemoteTaskName>? named, List<Candidate> recovered, CancellationToken cancellationToken)
        {
            var asked = named?.Where(n => n.Host == host.Name).ToList();
            RemoteFleet fleet;
            SessionSnapshot there;
            try
            {
                fleet = new RemoteFleet(await new RemoteHostConnector(pass.Ssh, pass.Git)
                    .ConnectAsync(host, local.RepoRoot, ClientKind.Cli, cancellationToken).ConfigureAwait(false));
                _fleets[host.Name] = fleet;
                there = await fleet.SnapshotAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception error) when (error is RemoteHostException or HostConnectionLostException or IOException)
            {
                foreach (var label in asked?.Select(n => n.Qualified) ?? [$"@{host.Name}"])
                    Step(label, MergeStepKind.Unreached, $"{label}: {error.Message}");
                return [];
            }

            // Naming a task in review is the "retry" action, as for a local task: it leaves review there and is judged again.
            var retried = RemoteFleet.Existing(there).Where(t => t.Phase == TaskPhase.Review && asked?.Contains(new RemoteTaskName(host.Name, t.Name)) == true).ToList();
            foreach (var task in retried)
                await fleet.SetPhaseAsync(task.Name, TaskPhase.Done, "retrying the merge", cancellationToken).ConfigureAwait(false);
            if (retried.Count > 0)
                there = await fleet.SnapshotAsync(cancellationToken).ConfigureAwait(false);

            var existing = RemoteFleet.Existing(there).ToList();
            foreach (var done in existing.Where(t => t.Phase == TaskPhase.Merged))
            {
                _merged.UnionWith([done.Name, new RemoteTaskName(host.Name, done.Name).Qualified]);
                await RecordHereAsync(host.Name, done.Name, $"merged (host '{host.Name}' recorded it merged)").ConfigureAwait(false);
            }
            foreach (var missing in asked?.Where(n => existing.All(t => t.Name != n.Task)) ?? [])
                Step(missing.Qualified, MergeStepKind.Skipped, $"{missing.Qualified}: not merged: host '{host.Name}' has no task '{missing.Task}'");
            // Any run that reaches the host finishes what a killed one left, whatever it names.
            var interrupted = await InterruptedRemoteMerges.FindAsync(pass.Git, local.RepoRoot, local.BaseBranch, existing, cancellationToken).ConfigureAwait(false);
            foreach (var (task, _) in interrupted)
                recovered.Add(new Candidate(fleet, new RemoteTaskName(host.Name, task.Name), task, new MergeReadiness.Merged(), [], false));
            existing.RemoveAll(t => interrupted.Any(i => i.Task.Name == t.Name));

            // Readiness as its host knows the task; its dependencies are judged here, where they merge.
            var plan = MergePlanner.PlanFor(there with { Tasks = [.. existing.Select(t => t with { DependsOn = [] })] });
            var candidates = new List<Candidate>();
            foreach (var entry in plan.Entries)
            {
                var name = new RemoteTaskName(host.Name, entry.Name);
                if (asked is null ? !entry.Readiness.CanAttempt : !asked.Contains(name))
                    continue;
                if (entry.Readiness is MergeReadiness.Merged)
                {
                    Step(name.Qualified, MergeStepKind.Skipped, $"{name.Qualified}: already merged");
                    continue;
                }
                var task = existing.Single(t => t.Name == entry.Name);
                var declaredHere = local.Config.FindTask(task.Name) is { } declared && declared.Host == host.Name ? declared.DependsOn : [];
                var gateThere = there.Config.FindTask(task.Name)?.Gate ?? there.Config.Fleet.Gate;
                candidates.Add(new Candidate(fleet, name, task, entry.Readiness, [.. task.DependsOn.Concat(declaredHere).Distinct(StringComparer.Ordinal)],
                    !string.IsNullOrWhiteSpace(gateThere)));
            }
            return candidates;
        }

        /// <summary>Gates, fetches and merges one task, and tells its host; true when it is in the base now.</summary>
        private async Task<bool> MergeAsync(Candidate candidate, CancellationToken cancellationToken)
        {
            var (fleet, name, task) = (candidate.Fleet, candidate.Name, candidate.Task);
            var label = name.Qualified;
            var on = $"on host '{fleet.Host.Name}'";
            if (!candidate.Readiness.CanAttempt)
            {
                Step(label, MergeStepKind.Skipped, $"{label}: not merged: {candidate.Readiness.Why} ({on})");
                return false;
            }

            if (fleet.Host.GateOn == RemoteGateLocation.Remote && candidate.HasGateThere && !GatePassedOnTip(task))
            {
                Step(label, MergeStepKind.GateRunning, $"{label}: running its gate {on}");
                await fleet.RunGateAsync(task.Name, cancellationToken).ConfigureAwait(false);
                task = (await fleet.SnapshotAsync(cancellationToken).ConfigureAwait(false)).FindTask(task.Name) ?? task;
                if (!task.Gate.Succeeded)
                {
                    Step(label, MergeStepKind.GateFailed, $"{label}: {new MergeReadiness.GateFailed(task.Gate).Why} ({on}, log there: {task.Gate.LogPath}); not merged");
                    return false;
                }
                Step(label, MergeStepKind.GatePassed, $"{label}: gate passed {on}");
            }

            var fetched = "refs/remotes/" + await new RemoteBranchFetcher(pass.Ssh, pass.Git)
                .FetchAsync(local.RepoRoot, fleet.Host, task.Branch, cancellationToken).ConfigureAwait(false);
            var tip = (await pass.Git.RunAsync(local.RepoRoot, ["rev-parse", "--verify", fetched + "^{commit}"], cancellationToken).ConfigureAwait(false)).Trim();
            if (fleet.Host.GateOn == RemoteGateLocation.Remote && task.Gate.Commit is { } gated && gated != tip)
            {
                Step(label, MergeStepKind.Skipped,
                    $"{label}: not merged: its branch {on} moved to {Short(tip)} after its gate passed on {Short(gated)}; merge it again");
                return false;
            }

            var gate = fleet.Host.GateOn == RemoteGateLocation.Local ? LocalGate(name, task) : null;
            if (gate is { Command: { } command } && !string.IsNullOrWhiteSpace(command))
                Step(label, MergeStepKind.GateRunning, $"{label}: running its gate here on the merged result: {command}");
            MergeOutcome outcome;
            try
            {
                outcome = await _queue.MergeAsync(new MergeRequest
                {
                    Task = label,
                    Branch = task.Branch,
                    TipRef = fetched,
                    BaseBranch = local.BaseBranch,
                    FastForward = _settings.FastForward,
                    GateOnMergedResult = gate,
                }, cancellationToken).ConfigureAwait(false);
            }
            catch (GitException error)
            {
                outcome = new MergeOutcome.Refused(error.Message);
            }

            switch (outcome)
            {
                case MergeOutcome.Merged or MergeOutcome.AlreadyMerged:
                    Step(label, MergeStepKind.Merged, outcome.Describe(label));
                    await TellMergedAsync(fleet, name, task, outcome.Describe(task.Branch), cancellationToken).ConfigureAwait(false);
                    return true;
                case MergeOutcome.Conflicted conflicted:
                    Step(label, MergeStepKind.Review, outcome.Describe(label));
                    var paths = string.Join(", ", conflicted.Paths.Take(5)) + (conflicted.Paths.Count > 5 ? $" and {conflicted.Paths.Count - 5} more" : "");
                    var told = await fleet.SetPhaseAsync(task.Name, TaskPhase.Review,
                        $"merging it into {local.BaseBranch} on {Environment.MachineName} conflicts in {paths}; merge or rebase on {local.BaseBranch}, commit, then retry",
                        cancellationToken).ConfigureAwait(false);
                    if (!told.Succeeded)
                        Step(label, MergeStepKind.Review, $"{label}: host '{fleet.Host.Name}' did not record the review: {told.Message}");
                    return false;
                case MergeOutcome.MergedResultGateFailed:
                    Step(label, MergeStepKind.GateFailed, outcome.Describe(label));
                    return false;
                default:
                    Step(label, MergeStepKind.Stopped, outcome.Describe(label));
                    _stopped = true;
                    return false;
            }
        }

        /// <summary>
        /// This machine records it merged (a task fleet.toml declares there: its local dependents unblock), then its host (so its sidebar
        /// and ps there say so), which cleans it up by this fleet's policy. Here first: a run killed in between leaves the base as the
        /// evidence, and the next run finishes the rest (<see cref="InterruptedRemoteMerges"/>).
        /// </summary>
        private async Task TellMergedAsync(RemoteFleet fleet, RemoteTaskName name, TaskSnapshot task, string how, CancellationToken cancellationToken)
        {
            var label = name.Qualified;
            await RecordHereAsync(name.Host, name.Task, $"merged from host '{name.Host}': {how}").ConfigureAwait(false);
            var cleanup = _settings.Cleanup == CleanupPolicy.OnMerge
                ? await RemoteMergedCleanup.CheckAsync(fleet, task.Name, pass.Git, local.RepoRoot, local.BaseBranch, cancellationToken).ConfigureAwait(false)
                : default;
            var marked = await fleet.SetPhaseAsync(task.Name, TaskPhase.Merged,
                $"merged into {local.BaseBranch} on {Environment.MachineName}: {how}", cancellationToken).ConfigureAwait(false);
            if (!marked.Succeeded)
            {
                Step(label, MergeStepKind.CleanupRefused, $"{label}: merged here, but host '{fleet.Host.Name}' did not record it: {marked.Message}");
                return;
            }
            if (cleanup.Kept is { } kept)
                Step(label, MergeStepKind.CleanupRefused, $"{label}: {kept}");
            else if (cleanup.Removable is { } removable)
            {
                var cleaned = await RemoteMergedCleanup.RemoveAsync(fleet, task.Name, removable, cancellationToken).ConfigureAwait(false);
                Step(label, cleaned.Removed ? MergeStepKind.CleanedUp : MergeStepKind.CleanupRefused, $"{label}: {cleaned.Message}");
            }
        }

        /// <summary>A task a killed run merged here: recorded here and there as the run would have, then its dependents start.</summary>
        private async Task FinishInterruptedAsync(Candidate candidate, CancellationToken cancellationToken)
        {
            var (label, tip) = (candidate.Name.Qualified, candidate.Task.Status!.LastCommit!.Sha);
            Step(label, MergeStepKind.Merged,
                $"{label}: recovered: an interrupted fleet merge had merged it (its tip {Short(tip)} is in {local.BaseBranch}); recording it merged here and on host '{candidate.Name.Host}'");
            try
            {
                await TellMergedAsync(candidate.Fleet, candidate.Name, candidate.Task, $"recovered after an interrupted fleet merge (tip {Short(tip)})", cancellationToken)
                    .ConfigureAwait(false);
            }
            catch (Exception error) when (error is RemoteHostException or HostConnectionLostException or IOException)
            {
                Step(label, MergeStepKind.Unreached, $"{label}: merged here, but host '{candidate.Name.Host}' could not be told: {error.Message}");
            }
            _merged.UnionWith([candidate.Name.Task, label]);
            await StartDependentsAsync(candidate.Name.Task, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>This machine's record of a task fleet.toml declares on that host (others have no name here; their host keeps theirs).</summary>
        private async Task RecordHereAsync(string host, string task, string note)
        {
            if (local.Config.FindTask(task)?.Host == host && pass.Session.Current.FindTask(task)?.Phase != TaskPhase.Merged)
                await pass.Session.SendAsync(new SessionCommand.RecordRemoteMerged(task, host, note)).ConfigureAwait(false);
        }

        /// <summary>A dependency as steps name it: <c>task@host</c> for a task fleet.toml declares on a host.</summary>
        private string Label(string dependency) =>
            local.Config.FindTask(dependency)?.Host is { } host ? new RemoteTaskName(host, dependency).Qualified : dependency;

        /// <summary>The seeds' rule for dependents fleet.toml declares on a remote host: once, when the last thing they wait for merged.</summary>
        private async Task StartDependentsAsync(string merged, CancellationToken cancellationToken)
        {
            foreach (var dependent in local.Config.Tasks.Where(t => t.Host is not null && t.DependsOn.Contains(merged) && t.DependsOn.All(_merged.Contains)))
            {
                var label = new RemoteTaskName(dependent.Host!, dependent.Name).Qualified;
                var started = await pass.StartDependentAsync(dependent.Name, cancellationToken).ConfigureAwait(false);
                Step(label, started.Succeeded ? MergeStepKind.DependentStarted : MergeStepKind.Skipped,
                    started.Succeeded ? $"{label}: {started.Message}" : $"{label}: could not start: {started.Message}");
            }
        }

        private static bool GatePassedOnTip(TaskSnapshot task) =>
            task.Gate.Succeeded && task.Gate.Commit is not null && task.Gate.Commit == task.Status?.LastCommit?.Sha;

        /// <summary>This fleet.toml's gate for the task (its own when declared here, else the fleet's), run on the merged commit.</summary>
        private GateRequest LocalGate(RemoteTaskName name, TaskSnapshot task)
        {
            // Its working directory is replaced by the throwaway checkout of the merged commit (MergeQueue).
            var here = task with { Name = name.Task, WorktreePath = local.RepoRoot, Repos = [] };
            return TaskGateRequest.For(local, pass.Session.Repository, here) with { Task = name.Qualified, Commit = null };
        }

        private static string Short(string sha) => sha[..Math.Min(10, sha.Length)];

        public async ValueTask DisposeAsync()
        {
            foreach (var fleet in _fleets.Values)
                await fleet.DisposeAsync().ConfigureAwait(false);
        }
    }
}

using FleetTui.Core.Config;
using FleetTui.Core.Git;
using FleetTui.Core.Session;

namespace FleetTui.Core.Merging;

/// <summary>
/// Walks a <see cref="MergePlan"/> in order: gates and merges what is ready, routes conflicts to review, goes on with tasks
/// that do not depend on a task held back in this run, and starts dependents from the integrated base once all they wait for merged.
/// A dirty or moving base stops the run (nothing else could merge safely).
/// </summary>
/// <param name="queueFor">The merge queue of another repository a task spans (<c>[repos.&lt;name&gt;]</c>); null when none is declared.</param>
public sealed class MergeRun(
    MergeQueue queue, GateRunner gates, ITaskCleanup cleanup, IMergeRunHost host, MergeRunSettings settings, Func<string, MergeQueue>? queueFor = null)
{
    /// <param name="plan">The plan to follow (from <see cref="MergePlanner"/>).</param>
    /// <param name="gateFor">The gate of a task, run in its worktree (command, env, timeout).</param>
    /// <param name="only">Merge only these tasks (null: every task the plan allows).</param>
    public async Task<MergeRunReport> ExecuteAsync(MergePlan plan, Func<TaskMergeFacts, GateRequest> gateFor, IReadOnlySet<string>? only = null, CancellationToken cancellationToken = default)
    {
        var steps = new List<MergeStep>();
        void Step(string task, MergeStepKind kind, string message)
        {
            var step = new MergeStep(task, kind, message);
            steps.Add(step);
            host.Report(step);
        }

        var facts = plan.Entries.ToDictionary(e => e.Name, e => e.Task);
        var heldBack = new HashSet<string>();
        foreach (var entry in plan.Entries)
        {
            var task = facts[entry.Name];
            if (task.Phase == TaskPhase.Merged || (only is not null && !only.Contains(task.Name)))
                continue;
            var blocker = task.DependsOn.FirstOrDefault(heldBack.Contains);
            if (blocker is not null)
            {
                heldBack.Add(task.Name);
                Step(task.Name, MergeStepKind.Held, $"{task.Name}: held: depends on {blocker}, which did not merge");
                continue;
            }

            // Reassess: dependencies may have merged earlier in this run.
            var readiness = MergePlanner.Assess(task, facts, settings.ScopeEnforcement);
            if (!readiness.CanAttempt)
            {
                heldBack.Add(task.Name);
                Step(task.Name, MergeStepKind.Skipped, $"{task.Name}: skipped: {readiness.Why}");
                continue;
            }

            var gateRequest = gateFor(task);
            if (!(task.Gate.Succeeded && task.Gate.Commit is not null && task.Gate.Commit == task.Tip))
            {
                if (!string.IsNullOrWhiteSpace(gateRequest.Command))
                    Step(task.Name, MergeStepKind.GateRunning, $"{task.Name}: running gate: {gateRequest.Command}");
                var gate = await gates.RunAsync(gateRequest with { Commit = task.Tip }, cancellationToken).ConfigureAwait(false);
                await host.GateFinishedAsync(task.Name, gate, cancellationToken).ConfigureAwait(false);
                facts[task.Name] = task = task with { Gate = gate };
                if (!gate.Succeeded)
                {
                    heldBack.Add(task.Name);
                    Step(task.Name, MergeStepKind.GateFailed, $"{task.Name}: {new MergeReadiness.GateFailed(gate).Why}; not merged");
                    continue;
                }
                if (gate.Outcome == GateOutcome.Passed)
                    Step(task.Name, MergeStepKind.GatePassed, $"{task.Name}: gate passed (log {gate.LogPath})");
            }

            if (await queue.ResolveBranchAsync(task.Branch, cancellationToken).ConfigureAwait(false) is { } tip)
                await host.MergeStartingAsync(task.Name, tip, cancellationToken).ConfigureAwait(false);
            MergeOutcome outcome;
            try
            {
                var request = new MergeRequest
                {
                    Task = task.Name,
                    Branch = task.Branch,
                    BaseBranch = settings.BaseBranch,
                    FastForward = settings.FastForward,
                    GateOnMergedResult = settings.GateAfterMerge ? gateRequest : null,
                };
                outcome = task.Repos.Count == 0
                    ? await queue.MergeAsync(request, cancellationToken).ConfigureAwait(false)
                    : await new CrossRepoMerge(queue, queueFor ?? NoOtherRepository).MergeAsync(request, task.Repos, cancellationToken).ConfigureAwait(false);
            }
            catch (GitException error)
            {
                // git itself failed (a corrupt object, a full disk): the base only ever moves last, so nothing moved; stop here.
                outcome = new MergeOutcome.Refused(error.Message);
            }

            switch (outcome)
            {
                case MergeOutcome.Merged or MergeOutcome.AlreadyMerged:
                    Step(task.Name, MergeStepKind.Merged, outcome.Describe(task.Name));
                    await host.TaskMergedAsync(task.Name, outcome, cancellationToken).ConfigureAwait(false);
                    facts[task.Name] = task = task with { Phase = TaskPhase.Merged };
                    if (settings.Cleanup == CleanupPolicy.OnMerge)
                    {
                        var cleaned = await cleanup.RemoveMergedAsync(task, cancellationToken).ConfigureAwait(false);
                        Step(task.Name, cleaned.Removed ? MergeStepKind.CleanedUp : MergeStepKind.CleanupRefused, $"{task.Name}: {cleaned.Message}");
                    }
                    await StartUnblockedDependentsAsync(task.Name, facts, Step, cancellationToken).ConfigureAwait(false);
                    break;
                case MergeOutcome.Conflicted conflicted:
                    heldBack.Add(task.Name);
                    Step(task.Name, MergeStepKind.Review, outcome.Describe(task.Name));
                    await host.TaskSentToReviewAsync(task.Name, conflicted.Paths, "merge conflicts with the base", cancellationToken).ConfigureAwait(false);
                    break;
                case MergeOutcome.MergedResultGateFailed failed:
                    heldBack.Add(task.Name);
                    Step(task.Name, MergeStepKind.GateFailed, outcome.Describe(task.Name));
                    await host.GateFinishedAsync(task.Name, failed.Gate, cancellationToken).ConfigureAwait(false);
                    break;
                default:
                    Step(task.Name, MergeStepKind.Stopped, outcome.Describe(task.Name));
                    await host.MergeSettledAsync(task.Name, cancellationToken).ConfigureAwait(false);
                    return new MergeRunReport(steps);
            }

            // Reached only when everything the outcome implied is done: a run killed before this is finished by the next one.
            await host.MergeSettledAsync(task.Name, cancellationToken).ConfigureAwait(false);
        }
        return new MergeRunReport(steps);
    }

    private static MergeQueue NoOtherRepository(string repo) =>
        throw new InvalidOperationException($"task spans repository '{repo}', but this merge run knows no other repository");

    /// <summary>The seeds' rule: a dependent starts from the integrated base, once, when the last thing it waits for has merged.</summary>
    private async Task StartUnblockedDependentsAsync(string merged, Dictionary<string, TaskMergeFacts> facts, Action<string, MergeStepKind, string> step, CancellationToken cancellationToken)
    {
        var baseTip = await queue.ResolveBranchAsync(settings.BaseBranch, cancellationToken).ConfigureAwait(false);
        if (baseTip is null)
            return;
        foreach (var dependent in facts.Values.Where(t => t.DependsOn.Contains(merged)).ToList())
        {
            if (dependent.Phase is not (TaskPhase.Blocked or TaskPhase.Pending))
                continue;
            if (!dependent.DependsOn.All(d => facts.TryGetValue(d, out var dep) && dep.Phase == TaskPhase.Merged))
                continue;
            if (await host.StartDependentAsync(dependent.Name, baseTip, cancellationToken).ConfigureAwait(false) is { } notStarted)
            {
                step(dependent.Name, MergeStepKind.Skipped, $"{dependent.Name}: not started: {notStarted}");
                continue;
            }
            facts[dependent.Name] = dependent with { Phase = TaskPhase.Active };
            step(dependent.Name, MergeStepKind.DependentStarted, $"{dependent.Name}: started from the integrated base {baseTip[..Math.Min(10, baseTip.Length)]}");
        }
    }
}

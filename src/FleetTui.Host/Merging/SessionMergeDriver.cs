using System.Threading.Channels;
using FleetTui.Core.Git;
using FleetTui.Core.Merging;
using FleetTui.Core.Session;

namespace FleetTui.Host.Merging;

/// <summary>
/// The cockpit's merge queue over a <see cref="FleetSession"/>: gates and merges run through <see cref="SessionMerger"/> on the
/// thread pool, one operation at a time (a gate and a merge never race on one branch); results go back through the session.
/// Conflict prediction refreshes on a worker when a branch tip or the base moves (the session's status events), never on a timer:
/// the <see cref="ConflictProbe"/> caches by tips, so a refresh after one commit only redoes the pairs of the branch that moved.
/// </summary>
public sealed class SessionMergeDriver : IMergeDriver, IAsyncDisposable
{
    private readonly FleetSession _session;
    private readonly SessionMerger _merger;
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);
    private readonly Channel<bool> _refreshWanted = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _lock = new();
    private readonly Task _eventPump;
    private readonly Task _predictor;
    private MergeActivity _activity = MergeActivity.Idle;
    private string? _predictedFor;
    private readonly bool _mergesRemoteWork;

    /// <param name="remote">The remote hosts' tasks, merged after the local ones (null: this fleet has none to reach).</param>
    public SessionMergeDriver(FleetSession session, GitCli git, IRemoteMergeWork? remote = null)
    {
        _session = session;
        _merger = new SessionMerger(session, git, remote);
        _mergesRemoteWork = remote is not null;
        var subscription = session.Subscribe();
        _eventPump = Task.Run(async () =>
        {
            using (subscription)
            {
                try
                {
                    await foreach (var _ in subscription.Events.ReadAllAsync(_stopping.Token).ConfigureAwait(false))
                        RequestPrediction();
                }
                catch (OperationCanceledException)
                {
                }
            }
        });
        _predictor = Task.Run(PredictLoopAsync);
        RequestPrediction();
    }

    public MergeActivity Activity
    {
        get
        {
            lock (_lock)
                return _activity;
        }
    }

    public event Action? ActivityChanged;

    public Task MergeAsync(IReadOnlyList<string>? tasks) => MergeAsync(tasks, onStep: null);

    /// <summary>The merge plan as it stands (conflict prediction included).</summary>
    public Task<MergePlan> PlanAsync(CancellationToken cancellationToken = default) => _merger.PlanAsync(cancellationToken);

    /// <summary>
    /// Like <see cref="MergeAsync(IReadOnlyList{string}?)"/>, and also hands each step to <paramref name="onStep"/> (a CLI prints them);
    /// completes with the run's report, or null when nothing ran (nothing ready, or the host is stopping).
    /// </summary>
    public Task<MergeRunReport?> MergeAsync(IReadOnlyList<string>? tasks, Action<MergeStep>? onStep)
    {
        MergeRunReport? report = null;
        var label = tasks is null ? "merging every ready task" : $"merging {string.Join(", ", tasks)}";
        foreach (var task in tasks ?? [])
            Change(a => a.WithTask(task, new TaskMergeActivity(TaskMergeActivityKind.Queued, "queued to merge")));
        return RunExclusiveAsync(label, async cancellationToken =>
        {
            var plan = await _merger.PlanAsync(cancellationToken).ConfigureAwait(false);
            IReadOnlySet<string>? only = tasks?.ToHashSet(StringComparer.Ordinal);
            var candidates = plan.Entries.Where(e => e.Readiness.CanAttempt && (only is null || only.Contains(e.Name))).ToList();
            // Remote hosts' tasks are judged by the run itself, on their hosts' facts (the local plan does not know them).
            var remoteWork = _mergesRemoteWork && _session.Current.Config.Hosts.Count > 0
                && (only is null || only.Any(n => Core.Config.Hosts.RemoteTaskName.Find(_session.Current.Config, n) is not null));
            if (candidates.Count == 0 && !remoteWork)
            {
                var why = only is null
                    ? "no task is ready"
                    : string.Join("; ", plan.Entries.Where(e => only.Contains(e.Name)).Select(e => $"{e.Name}: {e.Why}"));
                foreach (var task in tasks ?? [])
                    Change(a => a.WithTask(task, new TaskMergeActivity(TaskMergeActivityKind.Skipped, plan.Find(task)?.Why ?? "not in the plan")));
                return ($"Nothing to merge: {why}.", true);
            }
            foreach (var candidate in candidates)
                Change(a => a.WithTask(candidate.Name, new TaskMergeActivity(TaskMergeActivityKind.Queued, "queued to merge")));
            if (candidates.Count > 0)
            {
                var first = candidates[0].Name;
                Change(a => a.WithTask(first, new TaskMergeActivity(TaskMergeActivityKind.Merging, "merging…")));
            }
            report = await _merger.RunAsync(plan, only, step =>
            {
                OnStep(step);
                onStep?.Invoke(step);
            }, cancellationToken).ConfigureAwait(false);
            // Tasks the run never reported on (it stopped early) are no longer queued.
            Change(a => a with
            {
                Tasks = a.Tasks.ToDictionary(t => t.Key, t => t.Value.InProgress ? new TaskMergeActivity(TaskMergeActivityKind.Skipped, "not merged in this run") : t.Value),
            });
            return (Summary(report), !report.Succeeded);
        }).ContinueWith(_ => report, TaskScheduler.Default);
    }

    public Task RunGateAsync(string task) => RunGateWithResultAsync(task);

    /// <summary>Runs the task's gate (after any merge or gate in progress); completes with its result, or null when it did not run.</summary>
    public Task<GateState?> RunGateWithResultAsync(string task)
    {
        GateState? result = null;
        Change(a => a.WithTask(task, new TaskMergeActivity(TaskMergeActivityKind.Queued, "gate queued")));
        return RunExclusiveAsync($"gate of {task}", async cancellationToken =>
        {
            Change(a => a.WithTask(task, new TaskMergeActivity(TaskMergeActivityKind.GateRunning, "gate running…")));
            var gate = await _merger.RunGateAsync(task, cancellationToken).ConfigureAwait(false);
            result = gate;
            var (kind, text) = gate.Outcome switch
            {
                GateOutcome.NoGate => (TaskMergeActivityKind.GatePassed, "no gate configured (counts as passed)"),
                GateOutcome.Passed => (TaskMergeActivityKind.GatePassed, $"gate passed (run {gate.RunNumber})"),
                _ => (TaskMergeActivityKind.GateFailed, new MergeReadiness.GateFailed(gate).Why),
            };
            Change(a => a.WithTask(task, new TaskMergeActivity(kind, text)));
            return ($"{task}: {text}", kind == TaskMergeActivityKind.GateFailed);
        }).ContinueWith(_ => result, TaskScheduler.Default);
    }

    public Task<CommandResult> RetryAsync(string task) =>
        SendAsync(task, new SessionCommand.SetPhase(task, TaskPhase.Done, "retrying the merge"), "out of review: the next merge tries it again",
            snapshot => snapshot.FindTask(task)?.Phase == TaskPhase.Review ? null : $"{task} is not in review");

    public Task<CommandResult> MarkDoneAsync(string task) =>
        SendAsync(task, new SessionCommand.MarkDone(task), "marked done",
            snapshot => snapshot.FindTask(task)?.Phase is TaskPhase.Active or TaskPhase.Done ? null : $"{task} has no running work to mark done");

    public Task<CommandResult> AcceptScopeAsync(string task) =>
        SendAsync(task, new SessionCommand.AcceptScope(task), "files outside its scope accepted", _ => null);

    public Task<IReadOnlyList<string>> ReadLogAsync(string path, int maxLines) => Task.Run<IReadOnlyList<string>>(() =>
    {
        var tail = new Queue<string>(maxLines + 1);
        foreach (var line in File.ReadLines(path))
        {
            tail.Enqueue(line);
            if (tail.Count > maxLines)
                tail.Dequeue();
        }
        return [.. tail];
    });

    private async Task<CommandResult> SendAsync(string task, SessionCommand command, string done, Func<SessionSnapshot, string?> refusal)
    {
        if (refusal(_session.Current) is { } why)
        {
            Change(a => a with { LastResult = why, LastResultFailed = true });
            return CommandResult.Failed(why);
        }
        var result = await _session.SendAsync(command).ConfigureAwait(false);
        Change(a => (result.Succeeded ? a.WithTask(task, new TaskMergeActivity(TaskMergeActivityKind.Skipped, done)) : a) with
        {
            LastResult = result.Succeeded ? $"{task}: {done}" : result.Message,
            LastResultFailed = !result.Succeeded,
        });
        return result.Succeeded ? CommandResult.Ok($"{task}: {done}") : result;
    }

    private void OnStep(MergeStep step)
    {
        var text = step.Message.StartsWith(step.Task + ": ", StringComparison.Ordinal) ? step.Message[(step.Task.Length + 2)..] : step.Message;
        TaskMergeActivity? activity = step.Kind switch
        {
            MergeStepKind.GateRunning => new(TaskMergeActivityKind.GateRunning, "gate running…"),
            MergeStepKind.GatePassed => new(TaskMergeActivityKind.Merging, "gate passed; merging…"),
            MergeStepKind.GateFailed => new(TaskMergeActivityKind.GateFailed, text),
            MergeStepKind.Merged => new(TaskMergeActivityKind.Merged, text),
            MergeStepKind.Review => new(TaskMergeActivityKind.Review, text),
            MergeStepKind.Skipped or MergeStepKind.Held => new(TaskMergeActivityKind.Skipped, text),
            MergeStepKind.DependentStarted => new(TaskMergeActivityKind.Started, text),
            MergeStepKind.Stopped or MergeStepKind.Unreached => new(TaskMergeActivityKind.Failed, text),
            _ => null, // cleanup: the merged line stays
        };
        Change(a =>
        {
            // A dependent started in this run is then skipped by it (no commits yet): "started" is the news worth keeping.
            if (activity?.Kind == TaskMergeActivityKind.Skipped && a.For(step.Task)?.Kind == TaskMergeActivityKind.Started)
                activity = null;
            var next = activity is null ? a : a.WithTask(step.Task, activity);
            // The run goes in plan order: once a task is done with, the next queued one is being merged.
            if (activity is { InProgress: false } && next.Tasks.FirstOrDefault(t => t.Value.Kind == TaskMergeActivityKind.Queued) is { Key: { } queued })
                next = next.WithTask(queued, new TaskMergeActivity(TaskMergeActivityKind.Merging, "merging…"));
            return next;
        });
    }

    private async Task RunExclusiveAsync(string label, Func<CancellationToken, Task<(string Summary, bool Failed)>> work)
    {
        // Off the caller's (UI) thread at once: even waiting for the previous operation happens on the pool.
        await Task.Yield();
        try
        {
            await _oneAtATime.WaitAsync(_stopping.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return; // the cockpit is closing
        }
        try
        {
            Change(a => a with { Running = label });
            var (summary, failed) = await Task.Run(() => work(_stopping.Token)).ConfigureAwait(false);
            Change(a => a with { Running = null, LastResult = summary, LastResultFailed = failed });
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
        }
        catch (Exception error)
        {
            Change(a => a with
            {
                Running = null,
                LastResult = $"{label} failed: {error.Message}",
                LastResultFailed = true,
                Tasks = a.Tasks.ToDictionary(t => t.Key, t => t.Value.InProgress ? new TaskMergeActivity(TaskMergeActivityKind.Failed, error.Message) : t.Value),
            });
        }
        finally
        {
            _oneAtATime.Release();
        }
        RequestPrediction();
    }

    private static string Summary(MergeRunReport report)
    {
        var parts = new List<string> { report.Merged.Count == 0 ? "Merged nothing" : $"Merged {string.Join(", ", report.Merged)}" };
        if (report.SentToReview.Count > 0)
            parts.Add($"in review: {string.Join(", ", report.SentToReview)}");
        if (report.GateFailed.Count > 0)
            parts.Add($"gate failed: {string.Join(", ", report.GateFailed)}");
        if (report.Unreached.Count > 0)
            parts.Add($"not reached: {string.Join(", ", report.Unreached)}");
        if (report.Stopped is { } stopped)
            parts.Add($"stopped: {stopped.Message}");
        return string.Join("; ", parts) + ".";
    }

    // ---- conflict prediction ------------------------------------------------------------------------------------------

    private void RequestPrediction() => _refreshWanted.Writer.TryWrite(true);

    /// <summary>Branches worth probing: a worktree and commits of their own.</summary>
    private static List<ProbeBranch> InFlight(SessionSnapshot snapshot) =>
        snapshot.Tasks
            .Where(t => t.Phase is TaskPhase.Active or TaskPhase.Done or TaskPhase.Review && t.Status is { Ahead: > 0 })
            .Select(t => new ProbeBranch(t.Name, t.Branch))
            .ToList();

    /// <summary>What the prediction depends on: each in-flight tip, and how far behind the base it is (the base moving changes that).</summary>
    private static string PredictionKey(SessionSnapshot snapshot) =>
        string.Join("|", snapshot.Tasks
            .Where(t => t.Phase is TaskPhase.Active or TaskPhase.Done or TaskPhase.Review && t.Status is { Ahead: > 0 })
            .Select(t => $"{t.Name}@{t.Status!.LastCommit?.Sha}-{t.Status.Behind}"));

    private async Task PredictLoopAsync()
    {
        ConflictProbe? probe = null;
        try
        {
            await foreach (var _ in _refreshWanted.Reader.ReadAllAsync(_stopping.Token).ConfigureAwait(false))
            {
                var snapshot = _session.Current;
                var key = PredictionKey(snapshot);
                if (key == _predictedFor)
                    continue;
                _predictedFor = key;
                IReadOnlyList<PredictedConflict> conflicts;
                try
                {
                    var branches = InFlight(snapshot);
                    probe ??= new ConflictProbe(snapshot.RepoRoot);
                    conflicts = branches.Count == 0 ? [] : probe.Refresh(snapshot.BaseBranch, branches);
                }
                catch (Exception error) when (error is LibGit2Sharp.LibGit2SharpException or ArgumentException)
                {
                    _predictedFor = null; // try again on the next change
                    continue;
                }
                if (!conflicts.SequenceEqual(Activity.Conflicts))
                    Change(a => a with { Conflicts = conflicts });
            }
        }
        catch (OperationCanceledException)
        {
        }
        finally
        {
            probe?.Dispose();
        }
    }

    private void Change(Func<MergeActivity, MergeActivity> change)
    {
        lock (_lock)
            _activity = change(_activity);
        ActivityChanged?.Invoke();
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        _refreshWanted.Writer.TryComplete();
        try
        {
            await Task.WhenAll(_eventPump, _predictor).WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
        }
        // A merge in flight finishes its current git step; wait for it so the session is not disposed under it.
        if (await _oneAtATime.WaitAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(false))
            _oneAtATime.Release();
        _stopping.Dispose();
    }
}

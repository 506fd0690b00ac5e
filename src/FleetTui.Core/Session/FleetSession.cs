using System.Threading.Channels;
using FleetTui.Core.Agents;
using FleetTui.Core.Config;
using FleetTui.Core.Git;
using FleetTui.Core.Worktrees;

namespace FleetTui.Core.Session;

/// <summary>
/// The single writer of the fleet. Commands arrive through a channel (<see cref="SendAsync"/>) and are handled one at a time on the
/// session's own loop; each completes with a <see cref="CommandResult"/>. After every change the session persists state.json,
/// publishes a new immutable <see cref="SessionSnapshot"/> (<see cref="Current"/>, Version + 1) and then its <see cref="SessionEvent"/>s
/// to every <see cref="Subscribe"/>r. Slow work (creating a worktree, running setup) runs in the background and posts its
/// completion back to the loop, so status refreshes keep flowing meanwhile. No UI, no PTY: agents start through <see cref="IAgentLauncher"/>.
/// </summary>
public sealed class FleetSession : IAsyncDisposable
{
    private readonly Channel<(SessionCommand Command, TaskCompletionSource<CommandResult> Reply)> _inbox =
        Channel.CreateUnbounded<(SessionCommand, TaskCompletionSource<CommandResult>)>(new UnboundedChannelOptions { SingleReader = true });

    private readonly FleetSessionOptions _options;
    private FleetConfig _config;
    private readonly RepositoryFacts _repository;
    private string _baseBranch;
    private readonly SessionStore _store;
    private readonly WorktreeManager _worktrees;
    private PortAllocator _ports;
    private readonly BranchStatusReader _statusReader = new();
    private readonly Dictionary<string, BranchStatus> _statuses = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AgentState> _agents = new(StringComparer.Ordinal);

    /// <summary>Why a task's last worktree creation failed (nothing of it is on disk, so nothing is persisted): shown until it is tried again.</summary>
    private readonly Dictionary<string, string> _creationFailures = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ScopeMatcher> _scopes = new(StringComparer.Ordinal);

    /// <summary>Tasks this session is creating: their <see cref="TaskCreationLock"/>, held until the outcome is recorded.</summary>
    private readonly Dictionary<string, FileStream> _creationLocks = new(StringComparer.Ordinal);
    private readonly List<SessionSubscription> _subscribers = [];
    private readonly List<Task> _background = [];
    private readonly CancellationTokenSource _stopping = new();
    private IReadOnlyList<string> _recoveryNotes;
    private SessionState _state;
    private SessionSnapshot _snapshot;
    private long _version;
    private Task _loop = Task.CompletedTask;
    private int _disposed;

    private FleetSession(
        FleetSessionOptions options, RepositoryFacts repository, string baseBranch, SessionStore store, SessionState state, IReadOnlyList<string> notes)
    {
        _options = options;
        _config = options.Config;
        _repository = repository;
        _baseBranch = baseBranch;
        _store = store;
        _state = state;
        _recoveryNotes = notes;
        _worktrees = new WorktreeManager(options.Git, repository);
        _ports = new PortAllocator(options.Config.Fleet.Ports, options.PortProbe);
        _snapshot = BuildSnapshot();
    }

    /// <summary>The latest snapshot; safe to read from any thread.</summary>
    public SessionSnapshot Current => Volatile.Read(ref _snapshot);

    public RepositoryFacts Repository => _repository;

    /// <summary>
    /// Opens the session for the repository containing <see cref="FleetSessionOptions.RepositoryDirectory"/>: reads the repository facts,
    /// resolves the base branch ([fleet] base, else the current branch), loads state.json and recovers (see <see cref="SessionRecovery"/>).
    /// </summary>
    public static async Task<FleetSession> OpenAsync(FleetSessionOptions options, CancellationToken cancellationToken = default)
    {
        var repository = options.Repository
            ?? await RepositoryFacts.ReadAsync(options.Git, options.RepositoryDirectory, cancellationToken).ConfigureAwait(false);
        var baseBranch = options.Config.Fleet.Base ?? repository.CurrentBranch
            ?? throw new InvalidOperationException($"HEAD is detached in {repository.Root}: set [fleet] base in fleet.toml or check out a branch.");
        // What fleet.toml says about the repository (bases exist, worktrees outside the git dir): refused before anything is written.
        await ConfigRepositoryCheck.ValidateAsync(options.Config, repository, options.Git, cancellationToken).ConfigureAwait(false);
        var store = new SessionStore(repository.FleetDir);
        var recovery = await SessionRecovery.RunAsync(options.Git, new WorktreeManager(options.Git, repository), store, options.ReadOnly, cancellationToken)
            .ConfigureAwait(false);
        var state = recovery.State;

        var session = new FleetSession(options, repository, baseBranch, store, state, recovery.Notes);
        session._loop = Task.Run(session.RunLoopAsync, CancellationToken.None);
        if (recovery.Notes.Count > 0)
            session.Publish(v => new SessionEvent.Recovered(v, recovery.Notes));
        if (!options.ReadOnly)
        {
            // What a killed merge run left half done (its temporary worktrees, a merge that landed without its follow-up).
            var finished = await Merging.InterruptedMerges.FinishAsync(session, options.Git, cancellationToken).ConfigureAwait(false);
            if (finished.Count > 0)
                await session.SendAsync(new SessionCommand.AddRecoveryNotes(finished)).ConfigureAwait(false);
        }

        return session;
    }

    /// <summary>Queues a command; the task completes when the command has been handled (for CreateTask: when setup finished).</summary>
    public Task<CommandResult> SendAsync(SessionCommand command)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        if (command is SessionCommand.CreationFinished)
            throw new ArgumentException("internal command", nameof(command));
        var reply = new TaskCompletionSource<CommandResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_inbox.Writer.TryWrite((command, reply)))
            throw new ObjectDisposedException(nameof(FleetSession));
        return reply.Task;
    }

    /// <summary>A new event queue; events published from now on reach it. Dispose it to unsubscribe.</summary>
    public SessionSubscription Subscribe()
    {
        var subscription = new SessionSubscription(s =>
        {
            lock (_subscribers)
                _subscribers.Remove(s);
        });
        lock (_subscribers)
            _subscribers.Add(subscription);
        return subscription;
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
            return;
        // Interrupt running setups (they report SetupFailed), let their completions reach the loop, then stop it.
        await _stopping.CancelAsync().ConfigureAwait(false);
        Task[] background;
        lock (_background)
            background = [.. _background];
        await Task.WhenAll(background).ConfigureAwait(false);
        _inbox.Writer.TryComplete();
        await _loop.ConfigureAwait(false);
        _statusReader.Dispose();
        foreach (var held in _creationLocks.Values)
            held.Dispose();
        _creationLocks.Clear();
        lock (_subscribers)
        {
            foreach (var subscriber in _subscribers)
                subscriber.Complete();
            _subscribers.Clear();
        }

        _stopping.Dispose();
    }

    private async Task RunLoopAsync()
    {
        await foreach (var (command, reply) in _inbox.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            try
            {
                var result = await HandleAsync(command, reply).ConfigureAwait(false);
                if (result is not null)
                    reply.TrySetResult(result);
            }
            catch (Exception error)
            {
                var name = (command as SessionCommand.CreationFinished)?.Name;
                Publish(v => new SessionEvent.Error(v, name, error.Message));
                var target = command is SessionCommand.CreationFinished finished ? finished.Reply : reply;
                target.TrySetResult(CommandResult.Failed(error.Message));
            }
        }
    }

    /// <summary>Handles one command; null means the reply completes later (background creation).</summary>
    private async Task<CommandResult?> HandleAsync(SessionCommand command, TaskCompletionSource<CommandResult> reply) => command switch
    {
        not (SessionCommand.RefreshStatus or SessionCommand.UpdateAgent) when _options.ReadOnly =>
            CommandResult.Failed("This fleet session is read-only (it only looks: fleet ps, fleet merge --dry-run); nothing was changed."),
        SessionCommand.CreateTask create => StartCreation(create.Name, reply),
        SessionCommand.NewTask created => await NewTaskAsync(created, reply).ConfigureAwait(false),
        SessionCommand.CreationFinished finished => await FinishCreationAsync(finished).ConfigureAwait(false),
        SessionCommand.DestroyTask destroy => await DestroyAsync(destroy.Name, destroy.Force, destroy.ExpectedLoss).ConfigureAwait(false),
        SessionCommand.RefreshStatus => RefreshStatus(),
        SessionCommand.SetPhase set => ChangeTask(set.Name, t => t with { Phase = set.Phase, Note = set.Note ?? t.Note }),
        SessionCommand.MarkDone done => ChangeTask(done.Name, t => t with { Phase = TaskPhase.Done }),
        SessionCommand.RecordGate gate => ChangeTask(gate.Name, t => t with { Gate = gate.Gate }),
        SessionCommand.AcceptScope accept => ChangeTask(accept.Name, t => t with { ScopeAccepted = true }),
        SessionCommand.RecordReview review => ChangeTask(review.Name, t => t with
        {
            Phase = TaskPhase.Review, ReviewConflicts = review.Conflicts, Note = review.Note ?? t.Note,
        }),
        SessionCommand.UpdateAgent agent => UpdateAgent(agent),
        SessionCommand.BeginMerge begin => ChangeTask(begin.Name, t => t with { MergingTip = begin.Tip }),
        SessionCommand.EndMerge end => _state.Find(end.Name) is null
            ? CommandResult.Ok($"No merge of '{end.Name}' to settle.")
            : ChangeTask(end.Name, t => t with { MergingTip = null }),
        SessionCommand.AddRecoveryNotes added => AddRecoveryNotes(added.Notes),
        SessionCommand.Prune => await PruneAsync().ConfigureAwait(false),
        SessionCommand.ReloadConfig reload => await ReloadConfigAsync(reload.Config).ConfigureAwait(false),
        _ => throw new InvalidOperationException($"Unknown command {command.GetType().Name}"),
    };

    // ---- create -------------------------------------------------------------------------------------------------------

    /// <param name="adding">A task declared by <c>fleet new</c> that is not recorded yet: recorded by the same write that reserves it.</param>
    private CommandResult? StartCreation(string name, TaskCompletionSource<CommandResult> reply, TaskState? adding = null)
    {
        var definition = adding is null ? Definition(name) : FromState(adding);
        if (definition is null)
            return CommandResult.Failed($"No task named '{name}' (not in fleet.toml, not added with `fleet new`).");
        var existing = _state.Find(name) ?? adding;
        if (existing is not null && existing.Phase is not (TaskPhase.Pending or TaskPhase.Blocked))
            return CommandResult.Failed($"Task '{name}' already has a worktree ({existing.Phase}) at {existing.Worktree}.");
        var unmerged = UnmergedDependencies(definition);
        if (unmerged.Count > 0)
            return CommandResult.Failed($"Task '{name}' is blocked: it depends on {string.Join(", ", unmerged)}, not merged yet.");

        var baseRef = ResolveBase(definition);
        TaskLayout layout = null!;
        try
        {
            // Fail on a template that cannot expand for this task before anything is reserved.
            TaskLayout.For(_config, _repository, definition, definition.Ports.ToDictionary(p => p, _ => 0));
        }
        catch (InvalidOperationException error)
        {
            return CommandResult.Failed($"Cannot create task '{name}': {error.Message}.");
        }

        // Held until the outcome is recorded: another fleet process opening meanwhile must not take this setup for a crashed one.
        var creationLock = TaskCreationLock.TryAcquire(_repository.FleetDir, name);
        if (creationLock is null)
            return CommandResult.Failed($"Task '{name}' is being created by another fleet process.");
        try
        {
            Reserve();
        }
        catch
        {
            creationLock.Dispose();
            throw;
        }

        _creationLocks[name] = creationLock;
        void Reserve() => Persist(state =>
        {
            if (adding is not null && state.Find(name) is not null)
                throw new InvalidOperationException($"A task named '{name}' was just added by another fleet process.");
            // Ports are chosen under the state lock, so two fleet processes can never hand out the same one.
            var ports = _ports.Allocate(definition.Ports, existing?.Ports ?? new Dictionary<string, int>(), state.WithoutTask(name).AllPorts);
            layout = TaskLayout.For(_config, _repository, definition, ports);
            return state.WithTask(new TaskState
            {
                Name = name,
                Branch = definition.Branch,
                Base = baseRef,
                Origin = existing?.Origin ?? TaskOrigin.Config,
                DependsOn = definition.DependsOn,
                Agent = existing?.Agent,
                PortNames = existing?.PortNames ?? [],
                Phase = TaskPhase.SettingUp,
                Worktree = layout.WorktreePath,
                Ports = ports,
                Database = layout.Database,
                SetupLog = _config.Setup.Run is null ? null : _worktrees.SetupLogPath(name),
                CreatedAt = DateTimeOffset.UtcNow,
            });
        });
        _creationFailures.Remove(name);
        Publish(v => new SessionEvent.PhaseChanged(v, name, existing?.Phase, TaskPhase.SettingUp, null));

        var environment = new Dictionary<string, string>(_options.ExtraSetupEnvironment, StringComparer.Ordinal);
        foreach (var (key, value) in layout.Environment)
            environment[key] = value;
        var request = new WorktreeRequest
        {
            Task = name,
            Branch = definition.Branch,
            BaseRef = baseRef,
            Path = layout.WorktreePath,
            Setup = layout.Setup,
            Environment = environment,
            Caches = layout.Caches,
        };
        var work = Task.Run(async () =>
        {
            CreatedWorktree? created = null;
            Exception? error = null;
            try
            {
                created = await _worktrees.CreateAsync(request, _stopping.Token).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                error = e;
            }

            _inbox.Writer.TryWrite((new SessionCommand.CreationFinished(name, created, error, reply), reply));
        });
        lock (_background)
        {
            _background.RemoveAll(t => t.IsCompleted);
            _background.Add(work);
        }

        return null;
    }

    private async Task<CommandResult?> NewTaskAsync(SessionCommand.NewTask command, TaskCompletionSource<CommandResult> reply)
    {
        var problem = await NewTaskProblemAsync(command).ConfigureAwait(false);
        if (problem is not null)
            return CommandResult.Failed(problem);
        var baseRef = command.Base is null ? _baseBranch : Definition(command.Base)?.Branch ?? command.Base;
        var adding = new TaskState
        {
            Name = command.Name,
            Branch = command.Branch ?? $"fleet/{command.Name}",
            Base = baseRef,
            Origin = TaskOrigin.Cli,
            DependsOn = command.DependsOn ?? [],
            Agent = command.Agent,
            PortNames = command.Ports ?? CommonPortNames(),
            Phase = TaskPhase.Pending,
            Worktree = TaskLayout.WorktreePathFor(_config, _repository, command.Name, command.Branch ?? $"fleet/{command.Name}"),
            CreatedAt = DateTimeOffset.UtcNow,
        };
        // A task that depends on unmerged work is recorded, blocked: its worktree is created from the integrated base
        // when the last dependency merges (each task builds on integrated work, not a stale snapshot).
        if (UnmergedDependencies(FromState(adding)) is { Count: > 0 } unmerged)
        {
            Persist(state => state.Find(command.Name) is null
                ? state.WithTask(adding with { Phase = TaskPhase.Blocked })
                : throw new InvalidOperationException($"A task named '{command.Name}' was just added by another fleet process."));
            Publish(v => new SessionEvent.PhaseChanged(v, command.Name, null, TaskPhase.Blocked, null));
            return CommandResult.Ok($"Added task '{command.Name}', blocked on {string.Join(", ", unmerged)}: " +
                "its worktree is created from the integrated base when that merges.");
        }

        // One write records the task and reserves it (phase setting-up, ports): no failure between two writes can leave a ghost.
        return StartCreation(command.Name, reply, adding);
    }

    /// <summary>Port names every fleet.toml task declares: the ones fleet-wide templates ([fleet] env, [setup]) may use.</summary>
    private List<string> CommonPortNames() =>
        _config.Tasks.Count == 0
            ? []
            : _config.Tasks.Skip(1).Aggregate(_config.Tasks[0].Ports.AsEnumerable(), (common, t) => common.Intersect(t.Ports)).ToList();

    /// <summary>The same rules the loader applies to a [[task]], plus what only the live repository can tell.</summary>
    private async Task<string?> NewTaskProblemAsync(SessionCommand.NewTask command)
    {
        if (Config.Validation.TaskName.Problem(command.Name) is { } nameProblem)
            return $"Invalid task name '{command.Name}': {nameProblem}.";
        if (Definition(command.Name) is not null)
            return $"A task named '{command.Name}' already exists.";
        var branch = command.Branch ?? $"fleet/{command.Name}";
        if (Config.Validation.CommandLineBranchName.Problem(branch) is { } branchProblem)
            return $"Invalid branch name '{branch}': {branchProblem}.";
        if (Definitions().FirstOrDefault(d => d.Branch == branch) is { } owner)
            return $"Branch '{branch}' is already used by task '{owner.Name}'.";
        foreach (var dependency in command.DependsOn ?? [])
        {
            if (Definition(dependency) is null)
                return $"Unknown dependency '{dependency}': no such task.";
        }

        if (command.Agent is { } agent && !_config.Agents.ContainsKey(agent) && !AgentPresets.BuiltIn.ContainsKey(agent))
            return $"Unknown agent '{agent}' (known: {string.Join(", ", _config.Agents.Keys.Concat(AgentPresets.BuiltIn.Keys).Distinct().Order())}).";
        if (command.Base is { } baseRef && Definition(baseRef) is null
            && await _options.Git.ResolveCommitAsync(_repository.Root, baseRef).ConfigureAwait(false) is null)
            return $"Unknown base '{baseRef}': neither a task nor a branch or commit.";
        return null;
    }

    private async Task<CommandResult> FinishCreationAsync(SessionCommand.CreationFinished finished)
    {
        var name = finished.Name;
        if (finished.Created is not { } created)
        {
            // Nothing exists on disk (the manager rolled back): forget the reservation, release the ports.
            Persist(state => state.WithoutTask(name));
            ReleaseCreationLock(name);
            var message = finished.Error?.Message ?? "unknown failure";
            _creationFailures[name] = message;
            Publish(
                v => new SessionEvent.Error(v, name, message),
                v => new SessionEvent.PhaseChanged(v, name, TaskPhase.SettingUp, TaskPhase.Pending, message));
            finished.Reply.TrySetResult(CommandResult.Failed(message));
            return CommandResult.Failed(message);
        }

        var phase = created.Setup.Succeeded ? TaskPhase.Active : TaskPhase.SetupFailed;
        Persist(state => state.Find(name) is { } task
            ? state.WithTask(task with
            {
                Phase = phase,
                Note = created.Setup.Failure,
                SetupLog = created.Setup.LogPath,
                LastKnownTip = created.BaseCommit,
            })
            : state);
        ReleaseCreationLock(name);
        ReadStatus(_state.Find(name)!);
        Publish(
            v => new SessionEvent.TaskCreated(v, name, created.Path),
            v => new SessionEvent.SetupFinished(v, name, created.Setup.Succeeded, created.Setup.LogPath, created.Setup.Failure),
            v => new SessionEvent.PhaseChanged(v, name, TaskPhase.SettingUp, phase, created.Setup.Failure));
        if (phase == TaskPhase.Active && Current.FindTask(name) is { } snapshot)
            await _options.AgentLauncher.TaskBecameActiveAsync(snapshot, _stopping.Token).ConfigureAwait(false);

        var result = created.Setup.Succeeded
            ? CommandResult.Ok($"Created task '{name}' on branch {created.Branch} at {created.Path}.")
            : CommandResult.Failed($"Created task '{name}' at {created.Path}, but its setup failed: {created.Setup.Failure}");
        finished.Reply.TrySetResult(result);
        return result;
    }

    private void ReleaseCreationLock(string name)
    {
        if (_creationLocks.Remove(name, out var held))
            held.Dispose();
    }

    // ---- destroy / prune ------------------------------------------------------------------------------------------------

    /// <summary>
    /// Removes a task's worktree in one loop step: look at what would be lost (refuse at once, agent untouched, when something would
    /// be and nobody agreed to it), stop the task's agent, look again, and remove only when that is still what was agreed
    /// (<paramref name="confirmed"/>, else nothing without <paramref name="force"/>, else whatever is there). A forced removal keeps
    /// every commit it would lose under refs/fleet/rescued.
    /// </summary>
    private async Task<CommandResult> DestroyAsync(string name, bool force, WorktreeLoss? confirmed)
    {
        var task = _state.Find(name);
        if (task is null)
            return CommandResult.Failed(Definition(name) is null
                ? $"No task named '{name}'."
                : $"Task '{name}' has no worktree to remove; it is declared in fleet.toml (delete it there to drop it).");
        if (task.Phase is TaskPhase.Pending or TaskPhase.Blocked)
        {
            if (task.Origin == TaskOrigin.Config)
                return CommandResult.Failed($"Task '{name}' has no worktree to remove; it is declared in fleet.toml (delete it there to drop it).");
            // A task added by `fleet new` that never got a worktree (still blocked): dropping it loses nothing.
            Forget(task);
            Publish(v => new SessionEvent.TaskDestroyed(v, name, false));
            return CommandResult.Ok($"Removed task '{name}' (it had no worktree yet).");
        }
        if (task.Phase == TaskPhase.SettingUp)
            return CommandResult.Failed($"Task '{name}' is still setting up; wait for it to finish.");

        DestroyResult result;
        try
        {
            var before = await DescribeLossAsync(task).ConfigureAwait(false);
            if (confirmed is null && !force && !before.IsEmpty)
                throw new DestroyRefusedException(name, before, task.Base);
            // From here on nothing but us may touch the worktree: an agent that commits after this look would lose that commit.
            await _options.AgentLauncher.StopAgentAsync(name, _stopping.Token).ConfigureAwait(false);
            var now = await DescribeLossAsync(task).ConfigureAwait(false);
            var agreed = confirmed ?? (force ? now : WorktreeLoss.None);
            if (!now.Equals(agreed))
            {
                return CommandResult.Failed(
                    $"Refusing to remove task '{name}': what it would lose changed since {(confirmed is null ? "it was checked" : "you confirmed")}; nothing was removed.",
                    now.ChangesSince(agreed));
            }

            _statusReader.Forget(task.Worktree);
            result = await _worktrees.DestroyAsync(name, task.Worktree, task.Branch, task.Base, force || !now.IsEmpty, _stopping.Token, SetupFiles)
                .ConfigureAwait(false);
        }
        catch (DestroyRefusedException refused)
        {
            return CommandResult.Failed(refused.Message.Split('\n')[0], refused.Message.Split('\n').Skip(1).Select(l => l.Trim()).ToList());
        }
        catch (WorktreeException error)
        {
            return CommandResult.Failed(error.Message);
        }

        Forget(task);
        Publish(v => new SessionEvent.TaskDestroyed(v, name, result.BranchDeleted));
        var message = $"Removed task '{name}': worktree {task.Worktree} removed; branch {task.Branch} " +
            (result.BranchDeleted ? "deleted" : $"kept (not merged into {task.Base})") + ".";
        return result.RescuedRefs.Count == 0
            ? CommandResult.Ok(message)
            : CommandResult.Ok(message + $" Commits it would have lost are kept under {CommitRescue.RefPrefix}{name}/:", result.RescuedRefs);
    }

    /// <summary>What removing the task's worktree would lose now (the same look <c>fleet rm</c> and the cockpit's dialog take).</summary>
    private Task<WorktreeLoss> DescribeLossAsync(TaskState task) =>
        _worktrees.DescribeLossAsync(task.Worktree, task.Branch, task.Base, SetupFiles, _stopping.Token);

    private IReadOnlyCollection<string> SetupFiles => [.. _config.Setup.Copy, .. _config.Setup.Link];

    /// <summary>Drops a task from the state (ports released); a merged one stays as a Merged record so its dependents stay unblocked.</summary>
    private void Forget(TaskState task)
    {
        Persist(state => task.Phase == TaskPhase.Merged
            ? state.WithTask(task with { Ports = new Dictionary<string, int>(), Note = "merged; worktree removed" })
            : state.WithoutTask(task.Name));
        _statuses.Remove(task.Name);
        _agents.Remove(task.Name);
    }

    private async Task<CommandResult> PruneAsync()
    {
        var report = new List<string>();
        foreach (var task in _state.Tasks.ToList())
        {
            var folderExists = Directory.Exists(task.Worktree);
            if (task.Phase == TaskPhase.Merged && (folderExists || await _options.Git.BranchExistsAsync(_repository.Root, task.Branch).ConfigureAwait(false)))
            {
                _statusReader.Forget(task.Worktree);
                try
                {
                    await _options.AgentLauncher.StopAgentAsync(task.Name, _stopping.Token).ConfigureAwait(false);
                    var deleted = (await _worktrees.DestroyAsync(task.Name, task.Worktree, task.Branch, task.Base, force: false, setupFiles: SetupFiles)
                        .ConfigureAwait(false)).BranchDeleted;
                    Forget(task);
                    report.Add($"{task.Name}: merged; removed worktree {task.Worktree}{(deleted ? $" and branch {task.Branch}" : "")}");
                }
                catch (WorktreeException error)
                {
                    report.Add($"{task.Name}: merged but kept: {error.Message.Replace('\n', ' ')}");
                }
            }
            else if (task.Phase == TaskPhase.Missing)
            {
                string outcome;
                try
                {
                    var deleted = (await _worktrees.DestroyAsync(task.Name, task.Worktree, task.Branch, task.Base, force: false).ConfigureAwait(false))
                        .BranchDeleted;
                    outcome = deleted ? $"branch {task.Branch} (merged) deleted" : "no branch left";
                }
                catch (DestroyRefusedException refused)
                {
                    var kept = refused.Loss.UnmergedCommits.Count > 0
                        ? $"{refused.Loss.UnmergedCommits.Count} commit(s) not merged into {task.Base}"
                        : $"{refused.Loss.ReflogOnlyCommits.Count} commit(s) only its reflog reaches";
                    outcome = $"branch {task.Branch} kept: {kept}";
                }

                Forget(task);
                report.Add($"{task.Name}: missing worktree forgotten; {outcome}");
            }
        }

        Publish(v => new SessionEvent.Pruned(v, report));
        return CommandResult.Ok(report.Count == 0 ? "Nothing to prune." : $"Pruned {report.Count} task(s).", report);
    }

    // ---- status and small changes ---------------------------------------------------------------------------------------

    private CommandResult RefreshStatus()
    {
        var events = new List<Func<long, SessionEvent>>();
        var missing = new List<TaskState>();
        foreach (var task in _state.Tasks)
        {
            if (!task.HasWorktree)
                continue;
            if (!Directory.Exists(task.Worktree))
            {
                if (task.Phase != TaskPhase.SettingUp)
                    missing.Add(task);
                continue;
            }

            if (ReadStatus(task) is { } status)
                events.Add(v => new SessionEvent.StatusChanged(v, task.Name, status));
        }

        foreach (var task in missing)
        {
            const string note = "worktree folder was deleted outside fleet; branch kept";
            _statusReader.Forget(task.Worktree);
            _statuses.Remove(task.Name);
            // Only if nobody changed the task since this session read it (another process may be re-creating it right now).
            Persist(state => state.Find(task.Name) is { } t && t.Phase == task.Phase && t.Worktree == task.Worktree
                ? state.WithTask(t with { Phase = TaskPhase.Missing, Note = note })
                : state);
            events.Add(v => new SessionEvent.PhaseChanged(v, task.Name, task.Phase, TaskPhase.Missing, note));
        }

        if (events.Count > 0)
            Publish([.. events]);
        return CommandResult.Ok($"Refreshed {_state.Tasks.Count(t => t.HasWorktree)} task(s).");
    }

    /// <summary>Reads one task's status; returns it when it differs from the last one, null when unchanged or unreadable.</summary>
    private BranchStatus? ReadStatus(TaskState task)
    {
        BranchStatus status;
        try
        {
            status = _statusReader.Read(task.Worktree, task.Base, ScopeOf(task.Name));
        }
        catch (LibGit2Sharp.LibGit2SharpException)
        {
            return null; // a worktree mid-removal or a base deleted: the next refresh (or recovery) says more
        }

        if (_statuses.TryGetValue(task.Name, out var previous) && SameStatus(previous, status))
            return null;
        _statuses[task.Name] = status;
        return status;
    }

    private static bool SameStatus(BranchStatus a, BranchStatus b) =>
        a.Ahead == b.Ahead && a.Behind == b.Behind && a.Uncommitted == b.Uncommitted && a.LastCommit == b.LastCommit && a.OutOfScope.SequenceEqual(b.OutOfScope);

    private ScopeMatcher ScopeOf(string name)
    {
        if (!_scopes.TryGetValue(name, out var matcher))
        {
            matcher = new ScopeMatcher(Definition(name)?.Scope ?? []);
            _scopes[name] = matcher;
        }

        return matcher;
    }

    private CommandResult ChangeTask(string name, Func<TaskState, TaskState> change)
    {
        var task = _state.Find(name);
        if (task is null)
            return CommandResult.Failed(Definition(name) is null ? $"No task named '{name}'." : $"Task '{name}' has not been created yet.");
        var changed = change(task);
        Persist(state => state.WithTask(changed));
        if (changed.Phase != task.Phase)
            Publish(v => new SessionEvent.PhaseChanged(v, name, task.Phase, changed.Phase, changed.Note));
        else
            Publish(v => new SessionEvent.TaskChanged(v, name));
        return CommandResult.Ok($"Task '{name}' updated.");
    }

    private async Task<CommandResult> ReloadConfigAsync(FleetConfig config)
    {
        try
        {
            // The same check as at open (bases exist, worktrees outside the git dir): a bad file is refused, the old one stays.
            await ConfigRepositoryCheck.ValidateAsync(config, _repository, _options.Git, _stopping.Token).ConfigureAwait(false);
        }
        catch (ConfigException error)
        {
            return CommandResult.Failed(error.Message);
        }

        _config = config;
        _baseBranch = config.Fleet.Base ?? _baseBranch;
        _ports = new PortAllocator(config.Fleet.Ports, _options.PortProbe);
        _scopes.Clear();
        Publish(v => new SessionEvent.ConfigReloaded(v));
        return CommandResult.Ok($"Read {config.SourcePath} again.");
    }

    private CommandResult AddRecoveryNotes(IReadOnlyList<string> notes)
    {
        _recoveryNotes = [.. _recoveryNotes, .. notes];
        Publish(v => new SessionEvent.Recovered(v, notes));
        return CommandResult.Ok($"{notes.Count} more recovery note(s).");
    }

    private CommandResult UpdateAgent(SessionCommand.UpdateAgent command)
    {
        if (Definition(command.Name) is null)
            return CommandResult.Failed($"No task named '{command.Name}'.");
        _agents[command.Name] = command.State;
        Publish(v => new SessionEvent.AgentChanged(v, command.Name, command.State));
        return CommandResult.Ok($"Agent of '{command.Name}' is {command.State.Activity}.");
    }

    // ---- model ---------------------------------------------------------------------------------------------------------

    /// <summary>Applies a change to the state on disk under its lock (a read-only session only to its own copy).</summary>
    private void Persist(Func<SessionState, SessionState> change) => _state = _options.ReadOnly ? change(_state) : _store.Update(change);

    /// <summary>Makes a new snapshot current, then hands each event (stamped with its version) to every subscriber.</summary>
    private void Publish(params Func<long, SessionEvent>[] events)
    {
        _version++;
        Volatile.Write(ref _snapshot, BuildSnapshot());
        SessionSubscription[] subscribers;
        lock (_subscribers)
            subscribers = [.. _subscribers];
        foreach (var create in events)
        {
            var sessionEvent = create(_version);
            foreach (var subscriber in subscribers)
                subscriber.Publish(sessionEvent);
        }
    }

    /// <summary>Every task: fleet.toml's in file order, then those only the state knows (added by <c>fleet new</c>, or since removed from fleet.toml).</summary>
    private IEnumerable<TaskConfig> Definitions()
    {
        foreach (var task in _config.Tasks)
            yield return task;
        foreach (var task in _state.Tasks)
        {
            if (_config.FindTask(task.Name) is null)
                yield return FromState(task);
        }
    }

    private TaskConfig? Definition(string name) =>
        _config.FindTask(name) ?? (_state.Find(name) is { } task ? FromState(task) : null);

    private static TaskConfig FromState(TaskState task) => new()
    {
        Name = task.Name,
        Branch = task.Branch,
        Base = task.Base,
        DependsOn = task.DependsOn,
        Agent = task.Agent is null ? null : AgentRef.Preset(task.Agent),
        Ports = task.PortNames,
    };

    private string ResolveBase(TaskConfig task) =>
        task.Base is null ? _baseBranch : Definition(task.Base) is { } stackedOn && stackedOn.Name != task.Name ? stackedOn.Branch : task.Base;

    private List<string> UnmergedDependencies(TaskConfig task) =>
        task.DependsOn.Where(d => _state.Find(d)?.Phase != TaskPhase.Merged).ToList();

    private SessionSnapshot BuildSnapshot() => new()
    {
        Version = _version,
        RepoRoot = _repository.Root,
        BaseBranch = _baseBranch,
        Config = _config,
        RecoveryNotes = _recoveryNotes,
        StatePath = _store.StatePath,
        Tasks = Definitions().Select(TaskSnapshotOf).ToList(),
    };

    private TaskSnapshot TaskSnapshotOf(TaskConfig definition)
    {
        var state = _state.Find(definition.Name);
        return new TaskSnapshot
        {
            Name = definition.Name,
            Branch = definition.Branch,
            BaseBranch = state?.Base ?? ResolveBase(definition),
            DependsOn = definition.DependsOn,
            Phase = state?.Phase ?? (UnmergedDependencies(definition).Count > 0 ? TaskPhase.Blocked : TaskPhase.Pending),
            WorktreePath = state?.Worktree ?? TaskLayout.WorktreePathFor(_config, _repository, definition.Name, definition.Branch),
            Agent = _agents.GetValueOrDefault(definition.Name) ?? AgentState.NotStarted,
            Status = _statuses.GetValueOrDefault(definition.Name),
            Ports = state?.Ports ?? new Dictionary<string, int>(),
            Database = state?.Database,
            Gate = state?.Gate ?? GateState.NotRun,
            ReviewConflicts = state?.ReviewConflicts ?? [],
            Note = state?.Note ?? _creationFailures.GetValueOrDefault(definition.Name),
            CreatedAt = state?.CreatedAt ?? default,
            AgentName = Describe(definition.Agent ?? _config.Fleet.Agent),
            Origin = state?.Origin ?? TaskOrigin.Config,
            SetupLog = state?.SetupLog,
            Scope = definition.Scope,
            ScopeAccepted = state?.ScopeAccepted ?? false,
            MergingTip = state?.MergingTip,
        };
    }

    private static string Describe(AgentRef agent) => agent switch
    {
        AgentRef.PresetRef preset => preset.Name,
        AgentRef.CommandRef command => string.Join(' ', command.Argv),
        _ => agent.ToString(),
    };
}

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
public sealed partial class FleetSession : IAsyncDisposable
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

    /// <summary>The other repositories tasks may span, as found on disk when the session opened (or the config was reloaded).</summary>
    private LinkedWorktrees _linked;

    /// <summary>Branch status of each task's worktree in another repository, by task then repository.</summary>
    private readonly Dictionary<(string Task, string Repo), BranchStatus> _repoStatuses = new();

    /// <summary>Each task's services as the fleet host reported them (runtime only), by task then service name.</summary>
    private readonly Dictionary<string, Dictionary<string, ServiceState>> _services = new(StringComparer.Ordinal);

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
        FleetSessionOptions options, RepositoryFacts repository, string baseBranch, SessionStore store, SessionState state, IReadOnlyList<string> notes,
        IReadOnlyList<LinkedRepository> linked)
    {
        _linked = new LinkedWorktrees(options.Git, linked);
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

    /// <summary>The fleet's other repositories (<c>[repos.&lt;name&gt;]</c>) as found on disk, with a worktree manager for each.</summary>
    public LinkedWorktrees LinkedRepositories => Volatile.Read(ref _linked);

    /// <summary>
    /// What destroying the task would lose now, in every repository it spans (items of another repository marked <c>[name]</c>):
    /// what a confirmation dialog shows and <see cref="SessionCommand.DestroyTask.ExpectedLoss"/> carries back. Only reads.
    /// </summary>
    public async Task<WorktreeLoss> DescribeLossAsync(string name, CancellationToken cancellationToken = default)
    {
        if (_state.Find(name) is not { HasWorktree: true } task)
            return WorktreeLoss.None;
        var loss = await _worktrees.DescribeLossAsync(task.Worktree, task.Branch, task.Base, SetupFiles, cancellationToken).ConfigureAwait(false);
        return loss.Plus(await _linked.DescribeLossAsync(task, _config, cancellationToken).ConfigureAwait(false));
    }

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
        var linked = await ConfigRepositoryCheck.ReadLinkedRepositoriesAsync(options.Config, repository, options.Git, cancellationToken).ConfigureAwait(false);
        var store = new SessionStore(repository.FleetDir);
        var recovery = await SessionRecovery.RunAsync(options.Git, new WorktreeManager(options.Git, repository), store, options.ReadOnly, cancellationToken)
            .ConfigureAwait(false);
        var state = recovery.State;

        var session = new FleetSession(options, repository, baseBranch, store, state, recovery.Notes, linked);
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
        not (SessionCommand.RefreshStatus or SessionCommand.UpdateAgent or SessionCommand.UpdateService) when _options.ReadOnly =>
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
        SessionCommand.UpdateService service => UpdateService(service),
        SessionCommand.BeginMerge begin => ChangeTask(begin.Name, t => t with { MergingTip = begin.Tip }),
        SessionCommand.EndMerge end => _state.Find(end.Name) is null
            ? CommandResult.Ok($"No merge of '{end.Name}' to settle.")
            : ChangeTask(end.Name, t => t with { MergingTip = null }),
        SessionCommand.AddRecoveryNotes added => AddRecoveryNotes(added.Notes),
        SessionCommand.RecordRemoteMerged merged => RecordRemoteMerged(merged),
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
        if (_linked.Undeclared(definition.Repos) is { Count: > 0 } undeclared)
            return CommandResult.Failed($"Cannot create task '{name}': {LinkedWorktrees.NotDeclared(undeclared[0])}.");
        var repoBases = definition.Repos.ToDictionary(repo => repo, repo => ResolveRepoBase(definition, repo), StringComparer.Ordinal);
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
                RepoWorktrees = layout.RepoWorktrees,
                RepoBases = repoBases,
                RepoNames = existing?.RepoNames ?? [],
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
        // The same branch name in each other repository, from that repository's base, set up as [repos.<name>.setup] says.
        var others = layout.RepoWorktrees.Select(kv => new RepoWorktreeRequest(kv.Key, _linked.Manager(kv.Key), request with
        {
            BaseRef = repoBases[kv.Key],
            Path = kv.Value,
            Setup = layout.RepoSetups[kv.Key],
            SetupLog = Path.Combine(_repository.FleetDir, "logs", name, $"setup-{kv.Key}.log"),
        })).ToList();
        var work = Task.Run(async () =>
        {
            CreatedWorktree? created = null;
            Exception? error = null;
            try
            {
                created = await TaskWorktreesCreator.CreateAsync(_worktrees, request, others, _stopping.Token).ConfigureAwait(false);
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
            RepoNames = command.Repos ?? [],
            // What was asked for; resolved (a task's name → its branch) when the worktrees are created.
            RepoBases = command.RepoBases ?? new Dictionary<string, string>(),
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
        return await RepoProblemAsync(command).ConfigureAwait(false);
    }

    /// <summary>A <c>fleet new --repo/--base repo=…</c> against the declared repositories and what each holds.</summary>
    private async Task<string?> RepoProblemAsync(SessionCommand.NewTask command)
    {
        var repos = command.Repos ?? [];
        foreach (var repo in repos)
        {
            if (_linked.Find(repo) is null)
            {
                var declared = _linked.Repositories.Select(r => r.Name).ToList();
                return $"Unknown repository '{repo}' ({(declared.Count == 0 ? "fleet.toml declares none: add a [repos.<name>] table" : $"declared: {string.Join(", ", declared)}")}).";
            }
        }

        if (repos.GroupBy(r => r, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
            return $"Repository '{twice.Key}' is given twice.";
        foreach (var (repo, repoBase) in command.RepoBases ?? new Dictionary<string, string>())
        {
            if (!repos.Contains(repo))
                return $"A base for repository '{repo}', which the task does not include (add --repo {repo}).";
            if (Config.Validation.CommandLineBranchName.Problem(repoBase) is { } problem)
                return $"Invalid base '{repoBase}' for repository '{repo}': {problem}.";
            if (Definition(repoBase) is { } stackedOn)
            {
                if (!stackedOn.Repos.Contains(repo))
                    return $"Base '{repoBase}' for repository '{repo}' is a task with no worktree there.";
                continue;
            }

            if (await _options.Git.ResolveCommitAsync(_linked.Find(repo)!.Facts.Root, repoBase).ConfigureAwait(false) is null)
                return $"Unknown base '{repoBase}' for repository '{repo}': neither a task nor a branch or commit of {_linked.Find(repo)!.Facts.Root}.";
        }

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
        ReadRepoStatuses(_state.Find(name)!);
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
        if (_linked.Undeclared(task.RepoWorktrees.Keys) is { Count: > 0 } undeclared)
            return CommandResult.Failed($"Refusing to remove task '{name}': {LinkedWorktrees.NotDeclared(undeclared[0])}; nothing was removed.");

        DestroyResult result;
        RepoRemoval repos;
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

            // The other repositories first, each looked at again as it goes; then this one. Whatever stops it half way is recorded and said.
            repos = await RemoveRepoWorktreesAsync(task, force || !now.IsEmpty).ConfigureAwait(false);
            if (repos.Failure is not null)
                return CommandResult.Failed($"Removing task '{name}' stopped half way: {repos.Failure}. Nothing else was removed after it.", repos.Report(task));
            _statusReader.Forget(task.Worktree);
            try
            {
                result = await _worktrees.DestroyAsync(name, task.Worktree, task.Branch, task.Base, force || !now.IsEmpty, _stopping.Token, SetupFiles)
                    .ConfigureAwait(false);
            }
            catch (WorktreeException error) when (repos.Removed.Count > 0)
            {
                RecordRepoWorktreesGone(name, [.. repos.Removed.Select(r => r.Repo)]);
                return CommandResult.Failed(
                    $"Removing task '{name}' stopped half way: its worktree in this repository ({task.Worktree}) was kept: {error.Message.Split('\n')[0]}",
                    repos.Report(task));
            }
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
        if (repos.Removed.Count > 0)
            message += " " + string.Join(" ", repos.Removed.Select(r => r.Line + "."));
        IReadOnlyList<string> rescued = [.. result.RescuedRefs, .. repos.Rescued];
        return rescued.Count == 0
            ? CommandResult.Ok(message)
            : CommandResult.Ok(message + $" Commits it would have lost are kept under {CommitRescue.RefPrefix}{name}/ (in each repository):", rescued);
    }

    /// <summary>What removing a task's worktrees in other repositories did: each one removed, the first failure, the commits rescued.</summary>
    private sealed record RepoRemoval(IReadOnlyList<(string Repo, string Line)> Removed, string? Failure, IReadOnlyList<string> Rescued)
    {
        /// <summary>One line per repository: removed, failed, or kept (not reached).</summary>
        public IReadOnlyList<string> Report(TaskState task) =>
        [
            .. Removed.Select(r => r.Line),
            .. task.RepoWorktrees.Where(kv => Removed.All(r => r.Repo != kv.Key)).Select(kv => $"{kv.Key}: worktree {kv.Value} kept"),
            $"this repository: worktree {task.Worktree} kept",
        ];
    }

    /// <summary>
    /// Removes the task's worktrees in the other repositories one by one (each <see cref="WorktreeManager.DestroyAsync"/> looks at what
    /// it would lose again and refuses unless <paramref name="force"/>). Stops at the first that fails and records in the state which
    /// are gone, so a half-removed task is never taken for a whole one.
    /// </summary>
    private async Task<RepoRemoval> RemoveRepoWorktreesAsync(TaskState task, bool force)
    {
        var removed = new List<(string Repo, string Line)>();
        var rescued = new List<string>();
        string? failure = null;
        foreach (var (repo, path) in task.RepoWorktrees)
        {
            var baseRef = _linked.BaseOf(task, repo);
            _statusReader.Forget(path);
            _repoStatuses.Remove((task.Name, repo));
            try
            {
                var result = await _linked.Manager(repo)
                    .DestroyAsync(task.Name, path, task.Branch, baseRef, force, _stopping.Token, LinkedWorktrees.SetupFiles(_config, repo))
                    .ConfigureAwait(false);
                removed.Add((repo, $"{repo}: worktree {path} removed; branch {task.Branch} {(result.BranchDeleted ? "deleted" : $"kept (not merged into {baseRef})")}"));
                rescued.AddRange(result.RescuedRefs.Select(r => $"[{repo}] {r}"));
            }
            catch (WorktreeException error)
            {
                failure = $"its worktree in repository '{repo}' ({path}) was kept: {error.Message.Split('\n')[0]}";
                break;
            }
        }

        if (failure is not null)
            RecordRepoWorktreesGone(task.Name, [.. removed.Select(r => r.Repo)]);
        return new RepoRemoval(removed, failure, rescued);
    }

    /// <summary>A removal stopped half way: the state drops the worktrees that are gone, so the task is seen as it is.</summary>
    private void RecordRepoWorktreesGone(string name, IReadOnlyCollection<string> gone)
    {
        if (gone.Count == 0)
            return;
        Persist(state => state.Find(name) is { } t
            ? state.WithTask(t with
            {
                RepoWorktrees = t.RepoWorktrees.Where(kv => !gone.Contains(kv.Key)).ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal),
                Note = $"worktree(s) in {string.Join(", ", gone)} removed; the others were kept",
            })
            : state);
        Publish(v => new SessionEvent.TaskChanged(v, name));
    }

    /// <summary>
    /// What removing the task's worktrees would lose now, in every repository it spans (the same look <c>fleet rm</c> and the cockpit's
    /// dialog take).
    /// </summary>
    private async Task<WorktreeLoss> DescribeLossAsync(TaskState task)
    {
        var loss = await _worktrees.DescribeLossAsync(task.Worktree, task.Branch, task.Base, SetupFiles, _stopping.Token).ConfigureAwait(false);
        return loss.Plus(await _linked.DescribeLossAsync(task, _config, _stopping.Token).ConfigureAwait(false));
    }

    private IReadOnlyCollection<string> SetupFiles => [.. _config.Setup.Copy, .. _config.Setup.Link];

    /// <summary>Drops a task from the state (ports released); a merged one stays as a Merged record so its dependents stay unblocked.</summary>
    private void Forget(TaskState task)
    {
        Persist(state => task.Phase == TaskPhase.Merged
            ? state.WithTask(task with { Ports = new Dictionary<string, int>(), Note = "merged; worktree removed" })
            : state.WithoutTask(task.Name));
        _statuses.Remove(task.Name);
        _agents.Remove(task.Name);
        _services.Remove(task.Name);
        foreach (var repo in task.RepoWorktrees.Keys)
            _repoStatuses.Remove((task.Name, repo));
    }

    private async Task<CommandResult> PruneAsync()
    {
        var report = new List<string>();
        foreach (var task in _state.Tasks.ToList())
        {
            var folderExists = Directory.Exists(task.Worktree);
            if (task.Phase == TaskPhase.Merged && task.Host is null && (folderExists || await _options.Git.BranchExistsAsync(_repository.Root, task.Branch).ConfigureAwait(false)))
            {
                _statusReader.Forget(task.Worktree);
                try
                {
                    await _options.AgentLauncher.StopAgentAsync(task.Name, _stopping.Token).ConfigureAwait(false);
                    if (_linked.Undeclared(task.RepoWorktrees.Keys) is { Count: > 0 } undeclared)
                        throw new WorktreeException(LinkedWorktrees.NotDeclared(undeclared[0]));
                    var repos = await RemoveRepoWorktreesAsync(task, force: false).ConfigureAwait(false);
                    if (repos.Failure is not null)
                        throw new WorktreeException($"{repos.Failure} ({string.Join("; ", repos.Report(task))})");
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
                // Its worktrees in other repositories are still somebody's work: forgotten only once each is removed without loss.
                if (task.RepoWorktrees.Count > 0)
                {
                    var problem = _linked.Undeclared(task.RepoWorktrees.Keys) is { Count: > 0 } undeclared
                        ? LinkedWorktrees.NotDeclared(undeclared[0])
                        : (await RemoveRepoWorktreesAsync(task, force: false).ConfigureAwait(false)).Failure;
                    if (problem is not null)
                    {
                        report.Add($"{task.Name}: missing worktree kept in the fleet: {problem}");
                        continue;
                    }
                }

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

            var reposChanged = ReadRepoStatuses(task);
            if (ReadStatus(task) is { } status)
                events.Add(v => new SessionEvent.StatusChanged(v, task.Name, status));
            else if (reposChanged)
                events.Add(v => new SessionEvent.TaskChanged(v, task.Name));
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

    /// <summary>
    /// Reads the status of the task's worktrees in other repositories (each against its own base, no scope: <c>scope</c> speaks of this
    /// repository's paths); true when any changed. A folder not there (yet, or deleted by hand) has no status.
    /// </summary>
    private bool ReadRepoStatuses(TaskState task)
    {
        var changed = false;
        foreach (var (repo, path) in task.RepoWorktrees)
        {
            var key = (task.Name, repo);
            if (!Directory.Exists(path) || _linked.Find(repo) is null)
            {
                changed |= _repoStatuses.Remove(key);
                continue;
            }

            BranchStatus status;
            try
            {
                status = _statusReader.Read(path, _linked.BaseOf(task, repo), NoScope);
            }
            catch (LibGit2Sharp.LibGit2SharpException)
            {
                continue;
            }

            if (_repoStatuses.TryGetValue(key, out var previous) && SameStatus(previous, status))
                continue;
            _repoStatuses[key] = status;
            changed = true;
        }

        return changed;
    }

    private static readonly ScopeMatcher NoScope = new([]);

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
        IReadOnlyList<LinkedRepository> linked;
        try
        {
            // The same check as at open (bases exist, worktrees outside the git dir): a bad file is refused, the old one stays.
            linked = await ConfigRepositoryCheck.ReadLinkedRepositoriesAsync(config, _repository, _options.Git, _stopping.Token).ConfigureAwait(false);
        }
        catch (ConfigException error)
        {
            return CommandResult.Failed(error.Message);
        }

        _linked = new LinkedWorktrees(_options.Git, linked);
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

    private CommandResult UpdateService(SessionCommand.UpdateService command)
    {
        if (Definition(command.Name) is null)
            return CommandResult.Failed($"No task named '{command.Name}'.");
        if (!_services.TryGetValue(command.Name, out var services))
            _services[command.Name] = services = new Dictionary<string, ServiceState>(StringComparer.Ordinal);
        services[command.State.Name] = command.State;
        Publish(v => new SessionEvent.TaskChanged(v, command.Name));
        return CommandResult.Ok($"Service {command.State.Name} of '{command.Name}' is {command.State.Phase}.");
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
        Repos = task.RepoNames.Count > 0 ? task.RepoNames : [.. task.RepoWorktrees.Keys],
        RepoBases = task.RepoBases,
    };

    private string ResolveBase(TaskConfig task) =>
        task.Base is null ? _baseBranch : Definition(task.Base) is { } stackedOn && stackedOn.Name != task.Name ? stackedOn.Branch : task.Base;

    /// <summary>A task's base in another repository: its own (another task's name meaning that task's branch), else the repository's.</summary>
    private string ResolveRepoBase(TaskConfig task, string repo) =>
        task.RepoBases.TryGetValue(repo, out var requested)
            ? Definition(requested) is { } stackedOn && stackedOn.Name != task.Name ? stackedOn.Branch : requested
            : _linked.Find(repo)?.BaseBranch ?? throw new InvalidOperationException(LinkedWorktrees.NotDeclared(repo));

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
            Host = definition.Host,
            Repos = RepoSnapshotsOf(definition, state),
            Services = _services.TryGetValue(definition.Name, out var services) ? [.. services.Values.OrderBy(s => s.Name, StringComparer.Ordinal)] : [],
        };
    }

    private List<TaskRepoSnapshot> RepoSnapshotsOf(TaskConfig definition, TaskState? state)
    {
        var repos = new List<TaskRepoSnapshot>();
        foreach (var repo in state is { RepoWorktrees.Count: > 0 } ? [.. state.RepoWorktrees.Keys] : definition.Repos)
        {
            var path = state?.RepoWorktrees.GetValueOrDefault(repo)
                ?? (_config.FindRepo(repo) is { } declared ? TaskLayout.RepoWorktreePathFor(_config, _repository, declared, definition.Name, definition.Branch) : null);
            string? baseBranch;
            try
            {
                baseBranch = state?.RepoBases.GetValueOrDefault(repo) ?? ResolveRepoBase(definition, repo);
            }
            catch (InvalidOperationException)
            {
                baseBranch = null; // a repository fleet.toml no longer declares
            }

            if (path is null || baseBranch is null)
                continue;
            repos.Add(new TaskRepoSnapshot
            {
                Name = repo,
                WorktreePath = path,
                BaseBranch = baseBranch,
                Status = _repoStatuses.GetValueOrDefault((definition.Name, repo)),
            });
        }

        return repos;
    }

    private static string Describe(AgentRef agent) => agent switch
    {
        AgentRef.PresetRef preset => preset.Name,
        AgentRef.CommandRef command => string.Join(' ', command.Argv),
        _ => agent.ToString(),
    };
}

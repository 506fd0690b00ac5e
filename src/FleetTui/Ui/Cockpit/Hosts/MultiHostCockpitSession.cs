using FleetTui.Core.Session;
using FleetTui.Core.Worktrees;
using FleetTui.Host.Agents;
using FleetTui.Host.Merging;
using FleetTui.Host.Protocol;
using FleetTui.Host.Protocol.Screens;
using FleetTui.Terminal.Input;

namespace FleetTui.Ui.Cockpit.Hosts;

/// <summary>
/// One cockpit over this machine's fleet host and each remote host's (<see cref="RemoteHostLink"/>): one snapshot of
/// all their tasks (<see cref="TaskRoster"/>: local first, then by host), and every key, view and request sent to the
/// host the task lives on under its name there. Losing a remote host never ends the cockpit (its link reconnects);
/// losing the local host does (<see cref="Disconnected"/>). The merge queue is the local host's, remote tasks included
/// (<see cref="RosterMergeDriver"/>); a new task goes to the host the form or fleet.toml names; quitting stops this host,
/// or every connected one.
/// Disposing leaves the remote hosts; the local session stays its creator's to dispose.
/// </summary>
public sealed class MultiHostCockpitSession : ICockpitSession
{
    private readonly HostCockpitSession _local;
    private readonly Dictionary<string, RemoteHostLink> _links;
    private readonly RemoteTaskCreation _creation;
    private readonly Lock _compose = new();
    private TaskRoster _roster;
    private long _version;

    /// <param name="creation">Makes new tasks on remote hosts (it pushes this machine's base for one with dependencies).</param>
    public MultiHostCockpitSession(HostCockpitSession local, IReadOnlyList<RemoteHostLink> links, RemoteTaskCreation? creation = null)
    {
        _local = local;
        _creation = creation ?? new RemoteTaskCreation(null);
        _links = links.ToDictionary(l => l.Name, StringComparer.Ordinal);
        _roster = Compose();
        Merges = new RosterMergeDriver(local.Merges, () => Volatile.Read(ref _roster), host => _links.GetValueOrDefault(host)?.Session?.Merges);
        _local.SnapshotChanged += Recompose;
        _local.ScreensChanged += OnLocalScreens;
        _local.Disconnected += OnLocalDisconnected;
        foreach (var link in links)
        {
            link.Changed += Recompose;
            link.ScreensChanged += task => OnRemoteScreens(link.Name, task);
        }
    }

    /// <summary>Starts connecting to every remote host in the background.</summary>
    public void Start()
    {
        foreach (var link in _links.Values)
            link.Start();
    }

    public IReadOnlyCollection<RemoteHostLink> Links => _links.Values;

    public SessionSnapshot Snapshot => Volatile.Read(ref _roster).Snapshot;

    public IReadOnlyList<RemoteHostGroup> RemoteHosts => Volatile.Read(ref _roster).Groups;

    public event Action? SnapshotChanged;

    public event Action<string>? ScreensChanged;

    public event Action<string>? Disconnected;

    public bool ReadOnly => _local.ReadOnly;

    public IMergeDriver Merges { get; }

    private TaskRoster Compose() => TaskRoster.Compose(_local.Snapshot, [.. _links.Values.Select(l => l.View)], Interlocked.Increment(ref _version));

    private void Recompose()
    {
        lock (_compose)
            Volatile.Write(ref _roster, Compose());
        SnapshotChanged?.Invoke();
    }

    private void OnLocalScreens(string task)
    {
        if (Volatile.Read(ref _roster).ShownName(null, task) is { } shown)
            ScreensChanged?.Invoke(shown);
    }

    private void OnRemoteScreens(string host, string task)
    {
        if (Volatile.Read(ref _roster).ShownName(host, task) is { } shown)
            ScreensChanged?.Invoke(shown);
    }

    private void OnLocalDisconnected(string reason) => Disconnected?.Invoke(reason);

    public PaneMirror? ScreenFor(string task)
    {
        var (host, name) = Route(task);
        return host is null ? _local.ScreenFor(name) : _links[host].ScreenFor(name);
    }

    public void SetView(IReadOnlyList<PaneViewSpec> panes, string? focused)
    {
        var roster = Volatile.Read(ref _roster);
        var byHost = panes.Select(p => (Route: roster.RouteOf(p.Task) ?? new TaskRoute(null, p.Task), Pane: p))
            .ToLookup(p => p.Route.Host, p => p.Pane with { Task = p.Route.Name });
        var focusedRoute = focused is null ? null : roster.RouteOf(focused) ?? new TaskRoute(null, focused);
        _local.SetView([.. byHost[null]], focusedRoute is { Host: null } ? focusedRoute.Name : null);
        // Every host hears its part, empty too: a host sends screens only for the panes in its client's last view.
        foreach (var link in _links.Values)
            link.SetView([.. byHost[link.Name]], focusedRoute?.Host == link.Name ? focusedRoute.Name : null);
    }

    public void SendKey(string task, KeyInput key) => On(task, (s, name) => s.SendKey(name, key));

    public void Paste(string task, string text) => On(task, (s, name) => s.Paste(name, text));

    public void SendMouse(string task, MouseEvent mouse) => On(task, (s, name) => s.SendMouse(name, mouse));

    public void SendFocus(string task, bool focused) => On(task, (s, name) => s.SendFocus(name, focused));

    public Task<int?> SearchAsync(string task, string text, int fromOffset) =>
        On(task, (s, name) => s.SearchAsync(name, text, fromOffset), () => Task.FromResult<int?>(null));

    public Task<int?> FindLineAsync(string task, string text, int fromLine, bool newer) =>
        On(task, (s, name) => s.FindLineAsync(name, text, fromLine, newer), () => Task.FromResult<int?>(null));

    public Task<IReadOnlyList<string>> PaneLinesAsync(string task, int first, int last) =>
        On(task, (s, name) => s.PaneLinesAsync(name, first, last), () => Task.FromResult<IReadOnlyList<string>>([]));

    public Task<string> PaneTextAsync(string task, int offset) => On(task, (s, name) => s.PaneTextAsync(name, offset), () => Task.FromResult(""));

    public void RestartAgent(string task, bool continueSession) => On(task, (s, name) => s.RestartAgent(name, continueSession));

    public void StopAgent(string task) => On(task, (s, name) => s.StopAgent(name));

    public Task MarkDoneAsync(string task) => On(task, (s, name) => s.MarkDoneAsync(name), () => Task.CompletedTask);

    public Task<TaskTicket?> TicketForAsync(string task) => On(task, (s, name) => s.TicketForAsync(name), () => Task.FromResult<TaskTicket?>(null));

    public Task<WorktreeLoss> DescribeLossAsync(string task) =>
        On(task, (s, name) => s.DescribeLossAsync(name), () => Task.FromException<WorktreeLoss>(new InvalidOperationException(NotConnected(task))));

    public Task<CommandResult> ControlServiceAsync(string task, string service, string action) =>
        On(task, (s, name) => s.ControlServiceAsync(name, service, action), () => Task.FromResult(CommandResult.Failed(NotConnected(task))));

    public Task<CommandResult> DestroyTaskAsync(string task, WorktreeLoss confirmedLoss) =>
        On(task, (s, name) => s.DestroyTaskAsync(name, confirmedLoss), () => Task.FromResult(CommandResult.Failed(NotConnected(task))));

    /// <summary>On the host typed in the form, else where fleet.toml declares the task, else here (<see cref="RemoteTaskCreation"/>).</summary>
    public async Task<CommandResult> CreateTaskAsync(NewTaskRequest request)
    {
        var local = _local.Snapshot;
        var (host, refusal) = RemoteTaskCreation.HostFor(request, local, _links.Keys);
        if (refusal is not null)
            return CommandResult.Failed(refusal);
        if (host is null)
            return await _local.CreateTaskAsync(request with { Host = null }).ConfigureAwait(false);
        var link = _links[host];
        if (link.Session is not { } remote || !link.Status.IsConnected)
            return CommandResult.Failed($"host '{host}' is {link.Status.Describe(DateTimeOffset.UtcNow)}: nothing was created; try again once it is connected");
        // Its clone's fleet.toml declares it too (the same repository): created as declared there, like `fleet new <it>`.
        if (link.View.Snapshot?.Tasks.FirstOrDefault(t => t.Name == request.Name) is { Phase: TaskPhase.Pending or TaskPhase.Blocked, Origin: TaskOrigin.Config }
            && request is { Base: null, Agent: null, DependsOn.Count: 0 })
            return await remote.CreateDeclaredTaskAsync(request.Name).ConfigureAwait(false);
        HostRequest.NewTask newTask;
        try
        {
            newTask = await _creation.RequestForAsync(request, local, CancellationToken.None).ConfigureAwait(false);
        }
        catch (FleetTui.Host.Remote.RemoteHostException error)
        {
            return CommandResult.Failed(error.Message);
        }
        return await remote.NewTaskAsync(newTask).ConfigureAwait(false);
    }

    public Task<string> ExplainAsync(string task) =>
        On(task, (s, name) => s.ExplainAsync(name), () => Task.FromException<string>(new InvalidOperationException(NotConnected(task))));

    public Task<Core.Review.TaskDiffText?> ReadDiffAsync(string task) =>
        On(task, (s, name) => s.ReadDiffAsync(name), () => Task.FromResult<Core.Review.TaskDiffText?>(null));

    public Task<CommandResult> ReviewAsync(string task, Core.Review.ReviewVerdict verdict, IReadOnlyList<Core.Review.ReviewComment> comments, string? note, bool mergeNow) =>
        On(task, (s, name) => s.ReviewAsync(name, verdict, comments, note, mergeNow), () => Task.FromResult(CommandResult.Failed(NotConnected(task))));

    /// <summary>Stops this machine's host and its agents; remote hosts' agents go on (<see cref="StopRemoteHostsAsync"/> stops them).</summary>
    public Task<CommandResult> StopHostAsync() => _local.StopHostAsync();

    public async Task<CommandResult> StopRemoteHostsAsync()
    {
        var live = _links.Values.Where(l => l.Status.IsConnected).OrderBy(l => l.Name, StringComparer.Ordinal).ToList();
        var results = await Task.WhenAll(live.Select(l => l.StopHostAsync())).ConfigureAwait(false);
        var failed = results.Where(r => !r.Succeeded).Select(r => r.Message).ToList();
        return failed.Count == 0
            ? CommandResult.Ok($"{live.Count} remote host{(live.Count == 1 ? "" : "s")} stopped")
            : CommandResult.Failed($"{failed.Count} of {live.Count} remote hosts could not be stopped; this machine's host was left running", failed);
    }

    private (string? Host, string Name) Route(string task) =>
        Volatile.Read(ref _roster).RouteOf(task) is { } route ? (route.Host, route.Name) : (null, task);

    private void On(string task, Action<ICockpitSession, string> action)
    {
        var (host, name) = Route(task);
        if (host is null)
            action(_local, name);
        else if (_links[host].Session is { } remote)
            action(remote, name);
    }

    /// <summary>The call on the task's host; <paramref name="beforeFirstConnection"/> while that host was never reached.</summary>
    private T On<T>(string task, Func<ICockpitSession, string, T> call, Func<T> beforeFirstConnection)
    {
        var (host, name) = Route(task);
        if (host is null)
            return call(_local, name);
        return _links[host].Session is { } remote ? call(remote, name) : beforeFirstConnection();
    }

    private string NotConnected(string task) => $"{task}'s host '{Route(task).Host}' is not connected yet";

    public void Dispose()
    {
        _local.SnapshotChanged -= Recompose;
        _local.ScreensChanged -= OnLocalScreens;
        _local.Disconnected -= OnLocalDisconnected;
        Task.WhenAll(_links.Values.Select(l => l.DisposeAsync().AsTask())).Wait(TimeSpan.FromSeconds(10));
    }
}

using FleetTui.Core.Session;
using FleetTui.Host.Agents;
using FleetTui.Host.Services;
using FleetTui.Terminal.Pty;

namespace FleetTui.Host.Runtime;

/// <summary>What to do with a task's services (<c>fleet services start|stop|restart</c>).</summary>
public enum ServiceAction { Start, Stop, Restart }

/// <summary>
/// The task's services (<c>[services.&lt;name&gt;]</c>): the host owns them like agents, each on its own PTY under a
/// <see cref="ServiceSupervisor"/>, reporting every state to the session (<see cref="SessionCommand.UpdateService"/>), so
/// <c>fleet ps</c> and the cockpit see them. They stop before their task's worktree is removed and when the host stops.
/// </summary>
public sealed partial class FleetRuntime
{
    private readonly Dictionary<(string Task, string Service), ServiceSupervisor> _services = [];
    private readonly HashSet<(string Task, string Service)> _servicesStoppedByHand = [];

    /// <summary>Starts, stops or restarts one of a task's services, or all of them (<paramref name="service"/> null).</summary>
    public async Task<CommandResult> ControlServicesAsync(string task, string? service, ServiceAction action)
    {
        var snapshot = Snapshot;
        if (snapshot.FindTask(task) is not { } found)
            return CommandResult.Failed($"No task named '{task}'.");
        var declared = snapshot.Config.ServicesOf([.. found.Repos.Select(r => r.Name)]);
        if (service is not null && declared.All(s => s.Name != service))
        {
            return CommandResult.Failed(declared.Count == 0
                ? $"Task '{task}' runs no services ([services.<name>] in fleet.toml)."
                : $"Task '{task}' has no service '{service}' (it runs: {string.Join(", ", declared.Select(s => s.Name))}).");
        }

        var chosen = declared.Where(s => service is null || s.Name == service).ToList();
        if (chosen.Count == 0)
            return CommandResult.Failed($"Task '{task}' runs no services ([services.<name>] in fleet.toml).");
        if (action is ServiceAction.Stop or ServiceAction.Restart)
            await StopServicesAsync(task, service).ConfigureAwait(false);
        if (action == ServiceAction.Stop)
        {
            // Stopped by hand: the next start of the task's agent (a restart, a recovering host) leaves them stopped.
            lock (_lock)
            {
                foreach (var config in chosen)
                    _servicesStoppedByHand.Add((task, config.Name));
            }
        }

        if (action == ServiceAction.Stop)
            return CommandResult.Ok($"Stopped {Names(chosen.Select(s => s.Name))} of '{task}'.");
        if (found.Phase is not (TaskPhase.Active or TaskPhase.Done or TaskPhase.Review))
            return CommandResult.Failed($"Task '{task}' has no worktree to run services in ({found.Phase}).");

        var started = new List<string>();
        var problems = new List<string>();
        foreach (var config in chosen)
        {
            lock (_lock)
                _servicesStoppedByHand.Remove((task, config.Name));
            if (await StartServiceAsync(snapshot, found, config, replaceExited: true).ConfigureAwait(false) is { } problem)
                problems.Add($"{config.Name}: {problem}");
            else
                started.Add(config.Name);
        }

        var message = started.Count == 0 ? $"Started nothing for '{task}'." : $"Started {Names(started)} of '{task}'.";
        return started.Count == 0 && problems.Count > 0 ? CommandResult.Failed(message, problems) : CommandResult.Ok(message, problems);
    }

    /// <summary>
    /// The task's agent was launched (created, restarted, or recovered by a new host): its services with <c>autostart</c> (the
    /// default) start too, unless they already run, ran and ended under this host, or were stopped by hand.
    /// </summary>
    private async Task AutostartServicesAsync(string task)
    {
        try
        {
            await AutostartServicesOfAsync(task).ConfigureAwait(false);
        }
        finally
        {
            ServicesAutostarted?.Invoke(task);
        }
    }

    /// <summary>Raised once a launch of the task's agent looked at its services (started what it should): what tests wait for.</summary>
    public event Action<string>? ServicesAutostarted;

    private async Task AutostartServicesOfAsync(string task)
    {
        var snapshot = Snapshot;
        if (snapshot.FindTask(task) is not { Phase: TaskPhase.Active or TaskPhase.Done or TaskPhase.Review } found)
            return;
        foreach (var config in snapshot.Config.ServicesOf([.. found.Repos.Select(r => r.Name)]).Where(s => s.Autostart))
        {
            lock (_lock)
            {
                if (_servicesStoppedByHand.Contains((task, config.Name)) || _services.ContainsKey((task, config.Name)))
                    continue;
            }

            if (await StartServiceAsync(snapshot, found, config, replaceExited: false).ConfigureAwait(false) is { } problem)
                ReportService(task, new ServiceState { Name = config.Name, Phase = ServicePhase.Exited, Repo = config.Repo, Message = problem });
        }
    }

    /// <summary>
    /// Starts one service of the task under a new supervisor; null, or why not (already running, or the task lacks what it needs).
    /// A service that ran and ended is replaced only when <paramref name="replaceExited"/>.
    /// </summary>
    private async Task<string?> StartServiceAsync(Core.Session.SessionSnapshot snapshot, TaskSnapshot task, Core.Config.ServiceConfig config, bool replaceExited)
    {
        var key = (task.Name, config.Name);
        lock (_lock)
        {
            if (_services.TryGetValue(key, out var running)
                && (!replaceExited || running.State.Phase is not (ServicePhase.Exited or ServicePhase.Stopped)))
                return "already running";
        }

        ServiceLaunch launch;
        try
        {
            launch = ServiceLaunch.Plan(snapshot.Config, Session.Repository, task, config);
        }
        catch (InvalidOperationException error)
        {
            return error.Message;
        }

        var pane = Protocol.PaneKey.ForService(task.Name, config.Name);
        ServiceSupervisor supervisor;
        ServiceSupervisor? previous;
        lock (_lock)
        {
            if (_sizes.TryGetValue(pane, out var size))
                launch = launch with { Spawn = launch.Spawn with { Columns = size.Columns, Rows = size.Rows } };
            supervisor = new ServiceSupervisor(_host, launch, state => ReportService(task.Name, state));
            _services.Remove(key, out previous);
            _services[key] = supervisor;
        }

        // Clients showing the service's pane get each new terminal (a restart makes one) at once; its process is recorded
        // (fleet/agents.json, under the pane's name) so a host that dies leaves the next one a way to find it.
        supervisor.TerminalChanged += () =>
        {
            RecordServiceProcess(pane, supervisor);
            TerminalChanged?.Invoke(pane);
        };
        if (previous is not null)
            await previous.DisposeAsync().ConfigureAwait(false);
        await StopLeftoverServiceAsync(pane).ConfigureAwait(false);
        supervisor.Start();
        return null;
    }

    private void RecordServiceProcess(string pane, ServiceSupervisor supervisor)
    {
        if (supervisor.Terminal?.ProcessId is { } pid && ProcessIdentity.Of(pid) is { } identity)
            Records.Record(new AgentRecord(pane, pid, identity.StartTicks, "", DateTimeOffset.UtcNow, Environment.ProcessId));
    }

    /// <summary>
    /// The service a host that died left running (its record names another host; the process, by pid and start time, still
    /// lives: a service ignoring the hang-up, or one that detached) is stopped before this one starts, so it does not hold the
    /// task's port. One that would not stop is left for the port check to report.
    /// </summary>
    private async Task StopLeftoverServiceAsync(string pane)
    {
        if (Records.Find(pane) is not { } record || record.HostPid == Environment.ProcessId)
            return;
        var leftover = new ProcessIdentity(record.Pid, record.StartTicks);
        if (leftover.IsAlive)
            await ProcessGroup.StopAsync(leftover, TimeSpan.FromSeconds(2)).ConfigureAwait(false);
        Records.Forget(pane);
    }

    /// <summary>A service pane's size (the latest active cockpit's): its terminal now, and later starts of it.</summary>
    private void ResizeService(string task, string service, int columns, int rows)
    {
        ServiceSupervisor? supervisor;
        lock (_lock)
            supervisor = _services.GetValueOrDefault((task, service));
        supervisor?.Resize(columns, rows);
    }

    /// <summary>Hands a service's state to the session without waiting (called on the supervisor's thread); none once the session is gone.</summary>
    private void ReportService(string task, ServiceState state)
    {
        try
        {
            _ = Session.SendAsync(new SessionCommand.UpdateService(task, state));
        }
        catch (ObjectDisposedException)
        {
            // The host is stopping: nobody is left to tell.
        }
    }

    /// <summary>A service's terminal right now (its screen), or null.</summary>
    public Panes.PaneTerminal? ServiceTerminalFor(string task, string service)
    {
        lock (_lock)
            return _services.GetValueOrDefault((task, service))?.Terminal;
    }

    /// <summary>Stops the task's services (one, or all when <paramref name="service"/> is null) and waits until each is gone.</summary>
    private async Task StopServicesAsync(string task, string? service)
    {
        List<ServiceSupervisor> stopping;
        lock (_lock)
        {
            var keys = _services.Keys.Where(k => k.Task == task && (service is null || k.Service == service)).ToList();
            stopping = [.. keys.Select(k => _services[k])];
            foreach (var key in keys)
                _services.Remove(key);
        }

        await Task.WhenAll(stopping.Select(s => s.DisposeAsync().AsTask())).ConfigureAwait(false);
        foreach (var stopped in stopping)
        {
            var pane = Protocol.PaneKey.ForService(task, stopped.State.Name);
            Records.Forget(pane);
            TerminalChanged?.Invoke(pane); // clients drop its screen
        }
    }

    private void StopAllServices()
    {
        List<ServiceSupervisor> all;
        lock (_lock)
        {
            all = [.. _services.Values];
            _services.Clear();
        }

        Task.WaitAll([.. all.Select(s => s.DisposeAsync().AsTask())], TimeSpan.FromSeconds(10));
    }

    private static string Names(IEnumerable<string> names) => string.Join(", ", names);
}

using FleetTui.Core.Session;
using FleetTui.Host.Services;

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
            return CommandResult.Ok($"Stopped {Names(chosen.Select(s => s.Name))} of '{task}'.");
        if (found.Phase is not (TaskPhase.Active or TaskPhase.Done or TaskPhase.Review))
            return CommandResult.Failed($"Task '{task}' has no worktree to run services in ({found.Phase}).");

        var started = new List<string>();
        var problems = new List<string>();
        foreach (var config in chosen)
        {
            lock (_lock)
            {
                if (_services.TryGetValue((task, config.Name), out var running) && running.State.Phase is not (ServicePhase.Exited or ServicePhase.Stopped))
                {
                    problems.Add($"{config.Name}: already running");
                    continue;
                }
            }

            ServiceLaunch launch;
            try
            {
                launch = ServiceLaunch.Plan(snapshot.Config, Session.Repository, found, config);
            }
            catch (InvalidOperationException error)
            {
                problems.Add($"{config.Name}: {error.Message}");
                continue;
            }

            var supervisor = new ServiceSupervisor(_host, launch, state => ReportService(task, state));
            ServiceSupervisor? previous;
            lock (_lock)
            {
                _services.Remove((task, config.Name), out previous);
                _services[(task, config.Name)] = supervisor;
            }

            if (previous is not null)
                await previous.DisposeAsync().ConfigureAwait(false);
            supervisor.Start();
            started.Add(config.Name);
        }

        var message = started.Count == 0 ? $"Started nothing for '{task}'." : $"Started {Names(started)} of '{task}'.";
        return started.Count == 0 && problems.Count > 0 ? CommandResult.Failed(message, problems) : CommandResult.Ok(message, problems);
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

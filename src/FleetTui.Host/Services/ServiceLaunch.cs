using FleetTui.Core.Config;
using FleetTui.Core.Config.Templates;
using FleetTui.Core.Git;
using FleetTui.Core.Session;
using FleetTui.Terminal.Pty;

namespace FleetTui.Host.Services;

/// <summary>
/// Pure: how one of a task's services starts: its argv (a string through <c>sh -c</c> with templates as environment references, an
/// array with templates expanded), its folder (the task's worktree in the service's repository), the task's environment plus the
/// service's, its port and its readiness URL.
/// </summary>
public sealed record ServiceLaunch(ServiceConfig Config, PtySpawnOptions Spawn, int? Port, string? ReadyUrl)
{
    /// <exception cref="InvalidOperationException">The task lacks what the service needs (its port, a worktree in its repository).</exception>
    public static ServiceLaunch Plan(FleetConfig config, RepositoryFacts repository, TaskSnapshot task, ServiceConfig service)
    {
        var definition = config.FindTask(task.Name)
            ?? new TaskConfig { Name = task.Name, Branch = task.Branch, Ports = [.. task.Ports.Keys], Repos = [.. task.Repos.Select(r => r.Name)] };
        var layout = TaskLayout.For(config, repository, definition, task.Ports);
        var values = layout.Values with
        {
            Worktree = task.WorktreePath,
            RepoWorktrees = task.Repos.ToDictionary(r => r.Name, r => r.WorktreePath, StringComparer.Ordinal),
        };
        var folder = service.Repo is null
            ? task.WorktreePath
            : task.Repos.FirstOrDefault(r => r.Name == service.Repo)?.WorktreePath
                ?? throw new InvalidOperationException($"task '{task.Name}' has no worktree in repository '{service.Repo}'");
        int? port = null;
        if (service.Port is { } portName)
        {
            port = task.Ports.TryGetValue(portName, out var number)
                ? number
                : throw new InvalidOperationException($"task '{task.Name}' has no port '{portName}' (service '{service.Name}' listens on it)");
        }

        var environment = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (name, value) in values.ToEnvironment())
            environment[name] = value;
        foreach (var (name, value) in layout.Environment)
            environment[name] = value;
        foreach (var (name, value) in service.Env)
            environment[name] = TemplateExpander.Expand(value, values);
        environment["FLEET_SERVICE"] = service.Name;
        IReadOnlyList<string> argv = service.Shell is { } shell
            ? ["/bin/sh", "-c", ShellCommandTemplate.Expand(shell)]
            : [.. service.Argv!.Select(a => TemplateExpander.Expand(a, values))];
        var readyUrl = service.Ready.Kind == ServiceReadinessKind.Http ? TemplateExpander.Expand(service.Ready.Url!, values) : null;
        return new ServiceLaunch(service, new PtySpawnOptions(argv) { WorkingDirectory = folder, Environment = environment, Columns = 120, Rows = 30 }, port, readyUrl);
    }
}

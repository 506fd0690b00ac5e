using FleetTui.Core.Config;
using FleetTui.Core.Config.Templates;
using FleetTui.Core.Git;
using FleetTui.Core.Session;

namespace FleetTui.Core.Merging;

/// <summary>
/// A session task's gate: its own <c>gate</c> or the fleet's (templates expanded as environment references), in its worktree, with
/// the fleet's timeout and the task's environment.
/// </summary>
public static class TaskGateRequest
{
    public static GateRequest For(SessionSnapshot snapshot, RepositoryFacts repository, TaskSnapshot task)
    {
        var definition = snapshot.Config.FindTask(task.Name) ?? new TaskConfig { Name = task.Name, Branch = task.Branch, DependsOn = task.DependsOn, Repos = [.. task.Repos.Select(r => r.Name)] };
        var layout = TaskLayout.For(snapshot.Config, repository, definition, task.Ports);
        var environment = new Dictionary<string, string>(layout.Environment, StringComparer.Ordinal)
        {
            ["FLEET_BASE"] = snapshot.BaseBranch,
        };
        return new GateRequest
        {
            Task = task.Name,
            // Templates become references to the environment below, never values spliced into the command.
            Command = (definition.Gate ?? snapshot.Config.Fleet.Gate) is { } gate ? ShellCommandTemplate.Expand(gate) : null,
            WorkingDirectory = task.WorktreePath,
            Timeout = snapshot.Config.Fleet.GateTimeout,
            Environment = environment,
            Commit = task.Status?.LastCommit?.Sha,
        };
    }
}

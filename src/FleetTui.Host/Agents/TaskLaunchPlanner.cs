using FleetTui.Core.Agents;
using FleetTui.Core.Config;
using FleetTui.Core.Git;
using FleetTui.Core.Session;
using FleetTui.Terminal.Pty;

namespace FleetTui.Host.Agents;

/// <summary>
/// Pure: plans the start of a task's agent from what the session knows, through <see cref="AgentLaunchPlanner"/>
/// (preset or own argv, <c>[agents.x]</c> overrides, ticket and context handover, FLEET_* and the env tables), and
/// turns a plan into the PTY's spawn options.
/// </summary>
public static class TaskLaunchPlanner
{
    public static AgentLaunchResult Plan(
        SessionSnapshot snapshot, TaskSnapshot task, RepositoryFacts repository, string? userShell, string? inheritedPath, bool continueSession)
    {
        var config = snapshot.Config;
        var taskConfig = config.FindTask(task.Name) ?? Declared(config, task);
        var values = TaskLayout.For(config, repository, taskConfig, task.Ports).Values with
        {
            Worktree = task.WorktreePath,
            RepoWorktrees = task.Repos.ToDictionary(r => r.Name, r => r.WorktreePath, StringComparer.Ordinal),
        };
        return AgentLaunchPlanner.Plan(new AgentLaunchRequest
        {
            Config = config,
            Task = taskConfig,
            Values = values,
            UserShell = userShell,
            InheritedPath = inheritedPath,
            Continue = continueSession,
        });
    }

    /// <summary>argv[0] as resolved by the planner (so the PTY runs exactly what was checked), in the worktree, with the plan's environment.</summary>
    public static PtySpawnOptions SpawnOptions(AgentLaunchPlan plan) =>
        new([plan.Executable, .. plan.Argv.Skip(1)])
        {
            WorkingDirectory = plan.WorkingDirectory,
            Environment = plan.Environment.ToDictionary(kv => kv.Key, kv => (string?)kv.Value, StringComparer.Ordinal),
        };

    /// <summary>A task added by <c>fleet new</c> (not in fleet.toml): its preset when it names one, else the fleet's agent.</summary>
    private static TaskConfig Declared(FleetConfig config, TaskSnapshot task) => new()
    {
        Name = task.Name,
        Branch = task.Branch,
        DependsOn = task.DependsOn,
        Ports = [.. task.Ports.Keys],
        Repos = [.. task.Repos.Select(r => r.Name)],
        Agent = config.Agents.ContainsKey(task.AgentName) || AgentPresets.BuiltIn.ContainsKey(task.AgentName) ? AgentRef.Preset(task.AgentName) : null,
    };
}

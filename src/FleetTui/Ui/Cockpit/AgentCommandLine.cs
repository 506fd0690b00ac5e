using FleetTui.Core.Agents;
using FleetTui.Core.Config;
using FleetTui.Core.Git;
using FleetTui.Core.Session;
using FleetTui.Terminal.Pty;

namespace FleetTui.Ui.Cockpit;

/// <summary>
/// Pure: how a task's agent is started on its PTY — argv from the task's preset (or its own argv) with templates
/// expanded per element (never through a shell), in the task's worktree, with FLEET_* plus the fleet's and task's env.
/// </summary>
public static class AgentCommandLine
{
    public static PtySpawnOptions For(SessionSnapshot snapshot, TaskSnapshot task, RepositoryFacts repository, string? userShell)
    {
        var config = snapshot.Config;
        var taskConfig = config.FindTask(task.Name);
        var environment = new Dictionary<string, string?>(StringComparer.Ordinal);
        TemplateValues values;
        if (taskConfig is not null)
        {
            var layout = TaskLayout.For(config, repository, taskConfig, task.Ports);
            values = layout.Values with { Worktree = task.WorktreePath };
            foreach (var (name, value) in layout.Environment)
                environment[name] = value;
        }
        else
        {
            values = new TemplateValues { Task = task.Name, Branch = task.Branch, Worktree = task.WorktreePath, Repo = repository.Root, Ports = task.Ports };
            foreach (var (name, value) in values.ToEnvironment())
                environment[name] = value;
        }
        environment["FLEET_WORKTREE"] = task.WorktreePath;

        var agentRef = taskConfig?.Agent ?? (task.Origin == TaskOrigin.Config ? config.Fleet.Agent : AgentRef.Preset(task.AgentName));
        IReadOnlyList<string> argv;
        switch (agentRef)
        {
            case AgentRef.CommandRef command:
                argv = command.Argv;
                break;
            case AgentRef.PresetRef preset:
                var agent = config.Agents.GetValueOrDefault(preset.Name) ?? AgentPresets.BuiltIn.GetValueOrDefault(preset.Name)
                    ?? AgentPresets.Shell;
                argv = agent.Command;
                foreach (var (name, value) in agent.Env)
                    environment[name] = TemplateExpander.Expand(value, values);
                if (agent.Handover == TicketHandover.Argument && taskConfig?.Prompt is { } prompt)
                    argv = [.. argv, prompt];
                break;
            default:
                argv = AgentPresets.Shell.Command;
                break;
        }
        argv = AgentPresets.ResolveShell(argv.Select(a => TemplateExpander.Expand(a, values)).ToList(), userShell);
        return new PtySpawnOptions(argv) { WorkingDirectory = task.WorktreePath, Environment = environment };
    }
}

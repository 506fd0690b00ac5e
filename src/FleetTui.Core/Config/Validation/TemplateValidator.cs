using FleetTui.Core.Config.Sections;
using FleetTui.Core.Config.Templates;
using FleetTui.Core.Config.Toml;

namespace FleetTui.Core.Config.Validation;

/// <summary>
/// Checks every template in fleet.toml at load time, pointing at the bad variable inside its string.
/// A <c>{port.x}</c> must be declared by every task the value applies to: the task itself for task keys; for
/// <c>[fleet]</c> and <c>[setup]</c> keys, every task; for an agent's keys, every task that runs that agent.
/// </summary>
public sealed class TemplateValidator(
    TableReader top,
    TableReader? fleetTable,
    TableReader? setupTable,
    FleetConfig config,
    IReadOnlyList<(TaskConfig Task, TableReader Source)> tasks)
{
    public void Validate()
    {
        var allTasks = tasks.Select(t => t.Task).ToList();
        if (fleetTable is not null)
        {
            if (fleetTable.StringNode("worktrees") is { } worktrees)
                CheckWorktreePath(fleetTable, worktrees);
            CheckEach(fleetTable, EnvNodes(fleetTable, "env"), TemplateRules.Everything, allTasks);
            CheckEach(fleetTable, [fleetTable.StringNode("gate")], TemplateRules.Everything, allTasks.Where(t => t.Gate is null).ToList());
            CheckEach(fleetTable, ArgvNodes(fleetTable, "agent"), TemplateRules.Everything, allTasks.Where(t => t.Agent is null).ToList());
        }

        if (setupTable is not null)
        {
            CheckEach(setupTable, [setupTable.StringNode("run")], TemplateRules.Everything, allTasks);
            CheckEach(setupTable, EnvNodes(setupTable, "caches"), TemplateRules.Everything, allTasks);
            CheckEach(setupTable, [setupTable.StringNode("database")], TemplateRules.DatabaseName, allTasks);
        }

        // [repos.<name>.setup] run applies to the tasks spanning that repository.
        foreach (var repo in config.Repos)
        {
            if (top.SubTable("repos")?.Find(repo.Name)?.Value is not TomlTableNode repoTable
                || repoTable.Find("setup")?.Value is not TomlTableNode setup)
                continue;
            var reader = new TableReader(setup, $"[repos.{repo.Name}.setup]", top.DisplayName);
            CheckEach(reader, [reader.StringNode("run")], TemplateRules.Everything, allTasks.Where(t => t.Repos.Contains(repo.Name)).ToList());
        }

        // [services.<name>]: its command, readiness URL and env apply to the tasks running it (every task, or those spanning its repository).
        foreach (var service in config.Services)
        {
            if (top.SubTable("services")?.Find(service.Name)?.Value is not TomlTableNode serviceTable)
                continue;
            var reader = new TableReader(serviceTable, $"[services.{service.Name}]", top.DisplayName);
            var users = allTasks.Where(t => service.Repo is null || t.Repos.Contains(service.Repo)).ToList();
            var command = reader.Entry("command")?.Value is TomlStringNode shell ? [shell] : ArgvNodes(reader, "command");
            CheckEach(reader, command.Append(reader.StringNode("ready")).Concat(EnvNodes(reader, "env")), TemplateRules.Everything, users);
        }

        foreach (var (name, agentTable) in AgentTables())
        {
            var users = allTasks.Where(t => (t.Agent ?? config.Fleet.Agent) is AgentRef.PresetRef p && p.Name == name).ToList();
            var nodes = ArgvNodes(agentTable, "command").Concat(ArgvNodes(agentTable, "prompt_args"))
                .Concat(ArgvNodes(agentTable, "continue_args")).Concat(EnvNodes(agentTable, "env"));
            CheckEach(agentTable, nodes, TemplateRules.Everything, users);
        }

        foreach (var (task, source) in tasks)
        {
            var nodes = EnvNodes(source, "env").Append(source.StringNode("gate")).Concat(ArgvNodes(source, "agent"));
            CheckEach(source, nodes, TemplateRules.Everything, [task], owner: task);
        }
    }

    private void CheckWorktreePath(TableReader fleet, TomlStringNode node)
    {
        var parts = Check(fleet, node, TemplateRules.WorktreePath, [], owner: null);
        if (!parts.OfType<TemplatePart.Variable>().Any(v => v.Name is "task" or "branch"))
            throw fleet.Error(node.Position, "'worktrees' must contain {task} (or {branch}) so each task gets its own folder");
    }

    /// <param name="users">The tasks the values apply to.</param>
    /// <param name="owner">The task whose own keys these are, or null for shared keys.</param>
    private void CheckEach(TableReader source, IEnumerable<TomlStringNode?> nodes, TemplateRules rules, IReadOnlyList<TaskConfig> users, TaskConfig? owner = null)
    {
        foreach (var node in nodes)
        {
            if (node is not null)
                Check(source, node, rules, users, owner);
        }
    }

    private IReadOnlyList<TemplatePart> Check(TableReader source, TomlStringNode node, TemplateRules rules, IReadOnlyList<TaskConfig> users, TaskConfig? owner)
    {
        IReadOnlyList<TemplatePart> parts;
        try
        {
            parts = TemplateSyntax.Parse(node.Value);
        }
        catch (TemplateSyntaxException e)
        {
            throw source.Error(node.PositionOf(e.Fragment), e.Message);
        }

        foreach (var variable in parts.OfType<TemplatePart.Variable>())
        {
            var position = node.PositionOf(variable.Source);
            if (variable.PortName is { } port)
            {
                if (!rules.AllowsPorts)
                    throw source.Error(position, $"'{variable.Source}' cannot be used here (available: {rules.AllowedList})");
                CheckPortDeclared(source, position, variable, port, users, owner);
            }
            else if (!rules.Allowed.Contains(variable.Name))
            {
                throw source.Error(position, $"'{variable.Source}' cannot be used here (available: {rules.AllowedList})");
            }
            else if (variable.Name == "db" && config.Setup.Database is null)
            {
                throw source.Error(position, "'{db}' is used but [setup] has no 'database'");
            }
        }

        return parts;
    }

    private static void CheckPortDeclared(
        TableReader source, SourcePosition position, TemplatePart.Variable variable, string port, IReadOnlyList<TaskConfig> users, TaskConfig? owner)
    {
        if (users.FirstOrDefault(t => !t.Ports.Contains(port)) is not { } task)
            return;
        var problem = owner is not null
            ? $"task '{task.Name}' declares no port '{port}' (add it to the task's ports)"
            : $"'{variable.Source}' in {source.Label} applies to task '{task.Name}' (line {task.Position.Line}), which declares no port '{port}'";
        throw source.Error(position, problem);
    }

    private IEnumerable<(string Name, TableReader Table)> AgentTables()
    {
        if (top.SubTable("agents") is not { } agents)
            yield break;
        foreach (var entry in agents.Entries)
            yield return (entry.Key, new TableReader((TomlTableNode)entry.Value, $"[agents.{entry.Key}]", top.DisplayName));
    }

    private static IEnumerable<TomlStringNode> EnvNodes(TableReader source, string key) =>
        source.SubTable(key)?.Entries.Select(e => e.Value).OfType<TomlStringNode>() ?? [];

    private static IEnumerable<TomlStringNode> ArgvNodes(TableReader source, string key) =>
        source.Entry(key)?.Value is TomlArrayNode array ? array.Items.OfType<TomlStringNode>() : [];
}

using FleetTui.Core.Config.Validation;

namespace FleetTui.Core.Config.Sections;

/// <summary>Reads one <c>[[task]]</c> on its own; checks that span tasks are in <see cref="Validation.TaskListValidator"/>.</summary>
public static class TaskSectionReader
{
    public const string DefaultBranchPrefix = "fleet/";

    public static TaskConfig Read(TableReader task)
    {
        task.RejectUnknownKeys(ConfigSchema.TaskKeys);
        var name = ReadName(task);
        RejectPromptAndTicketTogether(task);
        return new TaskConfig
        {
            Name = name,
            Branch = ReadBranch(task) ?? DefaultBranchPrefix + name,
            Base = task.NonEmptyString("base"),
            BasePosition = task.Entry("base")?.Value.Position,
            DependsOn = task.StringArray("depends_on") ?? [],
            Agent = task.Agent("agent"),
            Prompt = task.NonEmptyString("prompt"),
            Ticket = task.PathInsideRepository("ticket"),
            Scope = ReadScope(task) ?? [],
            Gate = task.NonEmptyString("gate"),
            Ports = ReadPorts(task) ?? [],
            Env = task.EnvTable("env") ?? new Dictionary<string, string>(),
            Host = task.NonEmptyString("host"),
            Position = task.Table.Position,
        };
    }

    private static string ReadName(TableReader task)
    {
        var node = task.StringNode("name") ?? throw task.Error(task.Table.Position, "[[task]] has no 'name'");
        return TaskName.Problem(node.Value) is { } problem
            ? throw task.Error(node.Position, $"invalid task name '{node.Value}': {problem}")
            : node.Value;
    }

    private static string? ReadBranch(TableReader task)
    {
        if (task.StringNode("branch") is not { } node)
            return null;
        return GitRefName.Problem(node.Value) is { } problem
            ? throw task.Error(node.Position, $"invalid branch name '{node.Value}': {problem}")
            : node.Value;
    }

    private static void RejectPromptAndTicketTogether(TableReader task)
    {
        if (task.Entry("prompt") is { } prompt && task.Entry("ticket") is { } ticket)
        {
            var second = prompt.KeyPosition.Line > ticket.KeyPosition.Line
                || (prompt.KeyPosition.Line == ticket.KeyPosition.Line && prompt.KeyPosition.Column > ticket.KeyPosition.Column) ? prompt : ticket;
            throw task.Error(second.KeyPosition, "a task has either 'prompt' or 'ticket', not both");
        }
    }

    private static IReadOnlyList<string>? ReadScope(TableReader task)
    {
        if (task.StringArrayNodes("scope") is not { } globs)
            return null;
        foreach (var glob in globs)
        {
            if (RelativePath.Problem(glob.Value) is { } problem)
                throw task.Error(glob.Position, $"'scope' must list patterns inside the repository, but {problem}: '{glob.Value}'");
        }

        return globs.Select(g => g.Value).ToList();
    }

    private static IReadOnlyList<string>? ReadPorts(TableReader task)
    {
        if (task.StringArrayNodes("ports") is not { } ports)
            return null;
        var seenVariables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var port in ports)
        {
            if (PortName.Problem(port.Value) is { } problem)
                throw task.Error(port.Position, $"invalid port name '{port.Value}': {problem}");
            // "api-v1" and "api_v1" would both be FLEET_PORT_API_V1.
            var variable = TemplateValues.PortVariable(port.Value);
            if (seenVariables.TryGetValue(variable, out var earlier))
            {
                throw task.Error(port.Position, earlier == port.Value
                    ? $"duplicate port name '{port.Value}'"
                    : $"port names '{earlier}' and '{port.Value}' both become {variable}");
            }

            seenVariables[variable] = port.Value;
        }

        return ports.Select(p => p.Value).ToList();
    }
}

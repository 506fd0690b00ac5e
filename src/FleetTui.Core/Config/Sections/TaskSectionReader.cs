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
        var thisBase = ThisRepositoryBaseNode(task);
        var repoBases = RepoBaseNodes(task);
        return new TaskConfig
        {
            Name = name,
            Branch = ReadBranch(task) ?? DefaultBranchPrefix + name,
            Base = thisBase?.Value,
            BasePosition = thisBase?.Position,
            Repos = ReadRepos(task) ?? [],
            RepoBases = repoBases.ToDictionary(kv => kv.Key, kv => kv.Value.Value, StringComparer.Ordinal),
            RepoBasePositions = repoBases.ToDictionary(kv => kv.Key, kv => kv.Value.Position, StringComparer.Ordinal),
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

    /// <summary>
    /// This repository's base: <c>base = "x"</c>, or the <c>"."</c> entry of a per-repository table
    /// (<c>base = { "." = "feat/ui", api = "feat/endpoint" }</c>, or dotted: <c>base.api = "feat/endpoint"</c>).
    /// </summary>
    public static Toml.TomlStringNode? ThisRepositoryBaseNode(TableReader task) => task.Entry("base")?.Value switch
    {
        null => null,
        Toml.TomlStringNode node => string.IsNullOrWhiteSpace(node.Value) ? throw task.Error(node.Position, $"'base' in {task.Label} must not be empty") : node,
        Toml.TomlTableNode => RepoBaseEntries(task).GetValueOrDefault(RepoName.ThisRepository),
        var other => throw task.WrongType("base", "a branch name or a table of them by repository (base.api = \"feat/x\")", other),
    };

    /// <summary>Every other repository's base from a <c>base</c> table (empty when <c>base</c> is a string or absent).</summary>
    private static Dictionary<string, Toml.TomlStringNode> RepoBaseNodes(TableReader task) =>
        RepoBaseEntries(task).Where(kv => kv.Key != RepoName.ThisRepository).ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);

    private static Dictionary<string, Toml.TomlStringNode> RepoBaseEntries(TableReader task)
    {
        var result = new Dictionary<string, Toml.TomlStringNode>(StringComparer.Ordinal);
        if (task.Entry("base")?.Value is not Toml.TomlTableNode table)
            return result;
        foreach (var entry in table.Entries)
        {
            if (entry.Value is not Toml.TomlStringNode node)
                throw task.Error(entry.Value.Position, $"'base.{entry.Key}' in {task.Label} must be a branch name, not {entry.Value.Description}");
            if (string.IsNullOrWhiteSpace(node.Value))
                throw task.Error(node.Position, $"'base.{entry.Key}' in {task.Label} must not be empty");
            if (GitRefName.Problem(node.Value) is { } problem)
                throw task.Error(node.Position, $"invalid branch name '{node.Value}' for 'base.{entry.Key}': {problem}");
            result[entry.Key] = node;
        }

        return result;
    }

    private static IReadOnlyList<string>? ReadRepos(TableReader task)
    {
        if (task.StringArrayNodes("repos") is not { } repos)
            return null;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var repo in repos)
        {
            if (!seen.Add(repo.Value))
                throw task.Error(repo.Position, $"repository '{repo.Value}' is listed twice in 'repos'");
        }

        return repos.Select(r => r.Value).ToList();
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

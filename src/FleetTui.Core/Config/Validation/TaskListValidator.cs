using FleetTui.Core.Config.Sections;
using FleetTui.Core.Merging;

namespace FleetTui.Core.Config.Validation;

/// <summary>The checks that span tasks: unique names and branches, dependencies, bases, agents, cycles.</summary>
public static class TaskListValidator
{
    public static void Validate(
        IReadOnlyList<(TaskConfig Task, TableReader Source)> tasks, IReadOnlyDictionary<string, AgentConfig> agents, TableReader? fleet,
        IReadOnlyList<RepoConfig>? repos = null)
    {
        RejectDuplicateNames(tasks);
        RejectDuplicateBranches(tasks);
        TaskRepoValidator.Validate(tasks, repos ?? []);
        var names = tasks.Select(t => t.Task.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var (task, source) in tasks)
        {
            CheckDependencies(task, source, names);
            CheckBase(task, source, names);
            RejectWorkingOnTheBase(task, source, fleetBase: fleet?.String("base"));
            CheckAgent(source, agents);
        }

        if (fleet is not null)
            CheckAgent(fleet, agents);
        RejectCycles(tasks);
    }

    private static void RejectDuplicateNames(IReadOnlyList<(TaskConfig Task, TableReader Source)> tasks)
    {
        var first = new Dictionary<string, TaskConfig>(StringComparer.Ordinal);
        foreach (var (task, source) in tasks)
        {
            if (!first.TryAdd(task.Name, task))
                throw source.Error(source.Entry("name")!.Value.Position, $"duplicate task name '{task.Name}' (first defined at line {first[task.Name].Position.Line})");
        }
    }

    private static void RejectDuplicateBranches(IReadOnlyList<(TaskConfig Task, TableReader Source)> tasks)
    {
        var owner = new Dictionary<string, TaskConfig>(StringComparer.Ordinal);
        foreach (var (task, source) in tasks)
        {
            if (owner.TryAdd(task.Branch, task))
                continue;
            var position = (source.Entry("branch") ?? source.Entry("name")!).Value.Position;
            throw source.Error(position, $"branch '{task.Branch}' of task '{task.Name}' is already the branch of task '{owner[task.Branch].Name}' (line {owner[task.Branch].Position.Line})");
        }
    }

    private static void CheckDependencies(TaskConfig task, TableReader source, HashSet<string> names)
    {
        foreach (var dependency in source.StringArrayNodes("depends_on") ?? [])
        {
            if (dependency.Value == task.Name)
                throw source.Error(dependency.Position, $"task '{task.Name}' depends on itself");
            if (!names.Contains(dependency.Value))
                throw source.Error(dependency.Position, $"task '{task.Name}' depends on unknown task '{dependency.Value}'{Suggest(dependency.Value, names)}");
        }
    }

    private static void CheckBase(TaskConfig task, TableReader source, HashSet<string> names)
    {
        if (TaskSectionReader.ThisRepositoryBaseNode(source) is not { } node || names.Contains(node.Value) && node.Value != task.Name)
            return;
        if (node.Value == task.Name)
            throw source.Error(node.Position, $"task '{task.Name}' cannot stack on itself ('base' names the task)");
        if (GitRefName.Problem(node.Value) is { } problem)
            throw source.Error(node.Position, $"base '{node.Value}' is neither a task nor a valid branch name ({problem}){Suggest(node.Value, names)}");
    }

    /// <summary>A task's branch is where its agent commits; if it were the base, work would land unreviewed.</summary>
    private static void RejectWorkingOnTheBase(TaskConfig task, TableReader source, string? fleetBase)
    {
        var @base = task.Base ?? fleetBase;
        if (@base is not null && task.Branch == @base)
        {
            var position = (source.Entry("branch") ?? source.Entry("name")!).Value.Position;
            throw source.Error(position, $"task '{task.Name}' would work directly on its base branch '{@base}'; give it its own 'branch'");
        }
    }

    private static void CheckAgent(TableReader source, IReadOnlyDictionary<string, AgentConfig> agents)
    {
        if (source.Agent("agent") is AgentRef.PresetRef preset && !agents.ContainsKey(preset.Name))
        {
            var node = source.Entry("agent")!.Value;
            var hint = KeySuggestion.Nearest(preset.Name, agents.Keys) is { } nearest ? $"; did you mean '{nearest}'?" : "";
            throw source.Error(node.Position, $"unknown agent '{preset.Name}' (known: {string.Join(", ", agents.Keys.Order(StringComparer.Ordinal))}){hint}");
        }
    }

    private static void RejectCycles(IReadOnlyList<(TaskConfig Task, TableReader Source)> tasks)
    {
        if (DependencyGraph.FromTasks(tasks.Select(t => t.Task)).FindCycle() is not { } cycle)
            return;
        // Point at the edge that closes the cycle: the first task's reference to the second.
        var (_, source) = tasks.First(t => t.Task.Name == cycle[0]);
        var next = cycle[1];
        var position = (source.StringArrayNodes("depends_on") ?? []).FirstOrDefault(d => d.Value == next)?.Position
            ?? TaskSectionReader.ThisRepositoryBaseNode(source)?.Position
            ?? source.Table.Position;
        throw source.Error(position, $"dependency cycle: {string.Join(" -> ", cycle)}");
    }

    private static string Suggest(string value, IEnumerable<string> names) =>
        KeySuggestion.Nearest(value, names) is { } nearest ? $"; did you mean '{nearest}'?" : "";
}

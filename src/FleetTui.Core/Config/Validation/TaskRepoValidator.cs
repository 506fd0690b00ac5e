using FleetTui.Core.Config.Sections;

namespace FleetTui.Core.Config.Validation;

/// <summary>
/// A task's <c>repos</c> and per-repository <c>base</c> against <c>[repos.&lt;name&gt;]</c>: every repository named is declared, every
/// per-repository base is for a repository the task includes, and a base naming a task names one that has a worktree there.
/// </summary>
public static class TaskRepoValidator
{
    public static void Validate(IReadOnlyList<(TaskConfig Task, TableReader Source)> tasks, IReadOnlyList<RepoConfig> repos)
    {
        var declared = repos.Select(r => r.Name).ToHashSet(StringComparer.Ordinal);
        var byName = tasks.ToDictionary(t => t.Task.Name, t => t.Task, StringComparer.Ordinal);
        foreach (var (task, source) in tasks)
        {
            foreach (var repo in source.StringArrayNodes("repos") ?? [])
            {
                if (!declared.Contains(repo.Value))
                    throw source.Error(repo.Position, $"task '{task.Name}' lists unknown repository '{repo.Value}'{Known(repo.Value, declared)}");
            }

            foreach (var (repo, value) in task.RepoBases)
            {
                var position = task.RepoBasePositions.GetValueOrDefault(repo, source.Table.Position);
                if (!declared.Contains(repo))
                    throw source.Error(position, $"'base.{repo}' of task '{task.Name}' names unknown repository '{repo}'{Known(repo, declared)}");
                if (!task.Repos.Contains(repo))
                    throw source.Error(position, $"'base.{repo}' of task '{task.Name}' is for a repository the task does not include (add \"{repo}\" to its 'repos')");
                if (value == task.Name)
                    throw source.Error(position, $"task '{task.Name}' cannot stack on itself ('base.{repo}' names the task)");
                if (byName.TryGetValue(value, out var stackedOn) && !stackedOn.Repos.Contains(repo))
                    throw source.Error(position, $"'base.{repo}' of task '{task.Name}' stacks on task '{value}', which has no worktree in '{repo}' (its 'repos' does not list it)");
            }
        }
    }

    private static string Known(string name, IReadOnlyCollection<string> declared) => declared.Count == 0
        ? " (no [repos.<name>] table declares any)"
        : KeySuggestion.Nearest(name, declared) is { } nearest
            ? $"; did you mean '{nearest}'?"
            : $" (declared: {string.Join(", ", declared)})";
}

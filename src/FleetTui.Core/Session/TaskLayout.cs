using FleetTui.Core.Config;
using FleetTui.Core.Git;

namespace FleetTui.Core.Session;

/// <summary>
/// Where a task lives and what its commands receive, derived from the config with cfg's <see cref="TemplateExpander"/>:
/// worktree path, database name, template values, environment (FLEET_* + [fleet] env + task env), shared caches and the
/// setup command (its templates turned into references to those environment variables, as for every <c>sh -c</c> string:
/// see <see cref="Config.Templates.ShellCommandTemplate"/>).
/// </summary>
public sealed record TaskLayout(
    string WorktreePath,
    string? Database,
    TemplateValues Values,
    IReadOnlyDictionary<string, string> Environment,
    IReadOnlyDictionary<string, string> Caches,
    SetupConfig Setup)
{
    /// <summary>The worktree path alone (it needs no ports): <c>[fleet] worktrees</c> expanded, <c>{repo}</c> being the folder name.</summary>
    public static string WorktreePathFor(FleetConfig config, RepositoryFacts repository, string task, string branch) =>
        WorktreeLocation.Resolve(config.Fleet, repository.Root, new TaskConfig { Name = task, Branch = branch });

    public static TaskLayout For(FleetConfig config, RepositoryFacts repository, TaskConfig task, IReadOnlyDictionary<string, int> ports)
    {
        var path = WorktreePathFor(config, repository, task.Name, task.Branch);
        var database = config.Setup.Database is { } db ? TemplateExpander.Expand(db, NameValues(repository, task.Name, task.Branch)) : null;
        var values = new TemplateValues
        {
            Task = task.Name,
            Branch = task.Branch,
            Worktree = path,
            Repo = repository.Root,
            Db = database,
            Ports = ports,
        };
        var environment = new Dictionary<string, string>(values.ToEnvironment(), StringComparer.Ordinal);
        foreach (var (name, value) in config.Fleet.Env)
            environment[name] = TemplateExpander.Expand(value, values);
        foreach (var (name, value) in task.Env)
            environment[name] = TemplateExpander.Expand(value, values);
        var caches = config.Setup.Caches.ToDictionary(
            kv => kv.Key,
            kv => Path.GetFullPath(TemplateExpander.Expand(kv.Value, values), repository.Root),
            StringComparer.Ordinal);
        var setup = config.Setup.Run is { } run ? config.Setup with { Run = Config.Templates.ShellCommandTemplate.Expand(run) } : config.Setup;
        return new TaskLayout(path, database, values, environment, caches, setup);
    }

    // Path and database templates allow only {repo}, {task}, {branch}; there {repo} is the repository's folder name.
    private static TemplateValues NameValues(RepositoryFacts repository, string task, string branch) =>
        new() { Task = task, Branch = branch, Worktree = "", Repo = repository.Name };
}

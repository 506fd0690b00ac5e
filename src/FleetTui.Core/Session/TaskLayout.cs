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
    /// <summary>The task's worktree in each other repository it spans (name → absolute path), in its <c>repos</c> order.</summary>
    public IReadOnlyDictionary<string, string> RepoWorktrees { get; init; } = new Dictionary<string, string>();

    /// <summary>Each spanned repository's <c>[repos.&lt;name&gt;.setup]</c>, its command's templates turned into variable references.</summary>
    public IReadOnlyDictionary<string, SetupConfig> RepoSetups { get; init; } = new Dictionary<string, SetupConfig>();

    /// <summary>
    /// Where the task's worktree in another repository goes: <c>[fleet] worktrees</c> resolved against that repository's root, so the
    /// default puts <c>../api</c>'s worktrees in <c>../api.worktrees/&lt;task&gt;</c>.
    /// </summary>
    public static string RepoWorktreePathFor(FleetConfig config, RepositoryFacts repository, RepoConfig repo, string task, string branch) =>
        WorktreeLocation.Resolve(config.Fleet, repo.RootFrom(repository.Root), new TaskConfig { Name = task, Branch = branch });

    /// <summary>The worktree path alone (it needs no ports): <c>[fleet] worktrees</c> expanded, <c>{repo}</c> being the folder name.</summary>
    public static string WorktreePathFor(FleetConfig config, RepositoryFacts repository, string task, string branch) =>
        WorktreeLocation.Resolve(config.Fleet, repository.Root, new TaskConfig { Name = task, Branch = branch });

    public static TaskLayout For(FleetConfig config, RepositoryFacts repository, TaskConfig task, IReadOnlyDictionary<string, int> ports)
    {
        var path = WorktreePathFor(config, repository, task.Name, task.Branch);
        var database = config.Setup.Database is { } db ? TemplateExpander.Expand(db, NameValues(repository, task.Name, task.Branch)) : null;
        // A repository fleet.toml no longer declares has no layout (the session refuses to create a task spanning one).
        var spanned = task.Repos.Select(config.FindRepo).OfType<RepoConfig>().ToList();
        var sharedEnv = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var repo in config.Repos.Where(r => !task.Repos.Contains(r.Name)))
        {
            foreach (var (name, value) in repo.SharedEnv)
                sharedEnv[name] = value;
        }

        var values = new TemplateValues
        {
            Task = task.Name,
            Branch = task.Branch,
            Worktree = path,
            Repo = repository.Root,
            Db = database,
            Ports = ports,
            RepoWorktrees = spanned.ToDictionary(r => r.Name, r => RepoWorktreePathFor(config, repository, r, task.Name, task.Branch), StringComparer.Ordinal),
            SharedEnv = sharedEnv,
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
        return new TaskLayout(path, database, values, environment, caches, ShellReady(config.Setup))
        {
            RepoWorktrees = values.RepoWorktrees,
            RepoSetups = spanned.ToDictionary(r => r.Name, r => ShellReady(r.Setup), StringComparer.Ordinal),
        };
    }

    private static SetupConfig ShellReady(SetupConfig setup) =>
        setup.Run is { } run ? setup with { Run = Config.Templates.ShellCommandTemplate.Expand(run) } : setup;

    // Path and database templates allow only {repo}, {task}, {branch}; there {repo} is the repository's folder name.
    private static TemplateValues NameValues(RepositoryFacts repository, string task, string branch) =>
        new() { Task = task, Branch = branch, Worktree = "", Repo = repository.Name };
}

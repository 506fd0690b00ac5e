using FleetTui.Core.Config.Validation;
using FleetTui.Core.Git;

namespace FleetTui.Core.Config;

/// <summary>
/// What fleet.toml says that only the repository can confirm, checked when a session opens and before anything is written:
/// <c>[fleet] base</c> names an existing branch, a task's <c>base</c> names a task, a branch or a commit, and worktrees do not land
/// inside the common git dir (a checkout whose .git lives elsewhere); each <c>[repos.&lt;name&gt;] path</c> is the root of another
/// repository whose base exists, and each per-repository task base names a commit there. Problems are <see cref="ConfigException"/>s at
/// the key's position.
/// </summary>
public static class ConfigRepositoryCheck
{
    public static async Task ValidateAsync(FleetConfig config, RepositoryFacts repository, GitCli git, CancellationToken cancellationToken = default) =>
        await ReadLinkedRepositoriesAsync(config, repository, git, cancellationToken).ConfigureAwait(false);

    /// <summary>Checks the whole config against the disk and returns every <c>[repos.&lt;name&gt;]</c> as found there, in file order.</summary>
    public static async Task<IReadOnlyList<LinkedRepository>> ReadLinkedRepositoriesAsync(
        FleetConfig config, RepositoryFacts repository, GitCli git, CancellationToken cancellationToken = default)
    {
        var file = Path.GetFileName(config.SourcePath);
        if (config.Fleet.Base is { } fleetBase && !await git.BranchExistsAsync(repository.Root, fleetBase, cancellationToken).ConfigureAwait(false))
        {
            throw new ConfigException(file, config.Fleet.BasePosition ?? Unknown,
                $"'base' in [fleet] names no branch of {repository.Root}: '{fleetBase}' (create it, or name an existing branch)");
        }

        foreach (var task in config.Tasks)
        {
            if (task.Base is not { } taskBase || config.FindTask(taskBase) is not null)
                continue;
            if (await git.ResolveCommitAsync(repository.Root, taskBase, cancellationToken).ConfigureAwait(false) is null)
            {
                throw new ConfigException(file, task.BasePosition ?? task.Position,
                    $"'base' of task '{task.Name}' names no task, branch or commit: '{taskBase}'");
            }
        }

        var sample = WorktreeLocation.Resolve(config.Fleet, repository.Root, new TaskConfig { Name = "<task>", Branch = "fleet/<task>" });
        if (ConfigPathValidator.IsInside(sample, Path.GetFullPath(repository.CommonDir)))
        {
            throw new ConfigException(file, config.Fleet.WorktreesPosition ?? Unknown,
                $"'worktrees' in [fleet] puts worktrees inside the repository's git dir {repository.CommonDir} ({sample}); use a folder outside it");
        }

        var linked = new List<LinkedRepository>();
        foreach (var repo in config.Repos)
            linked.Add(await ReadLinkedAsync(config, repo, repository, git, file, cancellationToken).ConfigureAwait(false));
        return linked;
    }

    private static async Task<LinkedRepository> ReadLinkedAsync(
        FleetConfig config, RepoConfig repo, RepositoryFacts repository, GitCli git, string file, CancellationToken cancellationToken)
    {
        var root = repo.RootFrom(repository.Root);
        var at = repo.PathPosition ?? repo.Position;
        if (!Directory.Exists(root))
            throw new ConfigException(file, at, $"'path' of [repos.{repo.Name}] names no folder: {root}");
        RepositoryFacts facts;
        try
        {
            facts = await RepositoryFacts.ReadAsync(git, root, cancellationToken).ConfigureAwait(false);
        }
        catch (GitException)
        {
            throw new ConfigException(file, at, $"'path' of [repos.{repo.Name}] is not a git repository: {root}");
        }

        if (!SamePath(facts.Root, root))
            throw new ConfigException(file, at, $"'path' of [repos.{repo.Name}] is a folder inside the repository {facts.Root}, not its root: {root}");
        if (SamePath(facts.CommonDir, repository.CommonDir))
            throw new ConfigException(file, at, $"'path' of [repos.{repo.Name}] is this repository itself ({facts.Root}); [repos] names other repositories");
        string baseBranch;
        if (repo.Base is { } declared)
        {
            if (!await git.BranchExistsAsync(facts.Root, declared, cancellationToken).ConfigureAwait(false))
                throw new ConfigException(file, repo.BasePosition ?? repo.Position, $"'base' in [repos.{repo.Name}] names no branch of {facts.Root}: '{declared}'");
            baseBranch = declared;
        }
        else
        {
            baseBranch = facts.CurrentBranch
                ?? throw new ConfigException(file, repo.Position, $"HEAD is detached in {facts.Root}: set 'base' in [repos.{repo.Name}] or check out a branch there");
        }

        foreach (var task in config.Tasks)
        {
            if (!task.RepoBases.TryGetValue(repo.Name, out var taskBase) || config.FindTask(taskBase) is not null)
                continue;
            if (await git.ResolveCommitAsync(facts.Root, taskBase, cancellationToken).ConfigureAwait(false) is null)
            {
                throw new ConfigException(file, task.RepoBasePositions.GetValueOrDefault(repo.Name, task.Position),
                    $"'base.{repo.Name}' of task '{task.Name}' names no task, branch or commit of {facts.Root}: '{taskBase}'");
            }
        }

        var sample = WorktreeLocation.Resolve(config.Fleet, facts.Root, new TaskConfig { Name = "<task>", Branch = "fleet/<task>" });
        if (ConfigPathValidator.IsInside(sample, Path.GetFullPath(facts.CommonDir)) || ConfigPathValidator.IsInside(sample, facts.Root))
        {
            throw new ConfigException(file, config.Fleet.WorktreesPosition ?? Unknown,
                $"'worktrees' in [fleet] puts [repos.{repo.Name}]'s worktrees inside that repository ({sample}); use a folder outside it");
        }

        return new LinkedRepository(repo, facts, baseBranch);
    }

    private static bool SamePath(string a, string b) =>
        string.Equals(Path.TrimEndingDirectorySeparator(Path.GetFullPath(a)), Path.TrimEndingDirectorySeparator(Path.GetFullPath(b)), StringComparison.Ordinal);

    /// <summary>For configs built in code rather than read from a file.</summary>
    private static readonly SourcePosition Unknown = new(1, 1);
}

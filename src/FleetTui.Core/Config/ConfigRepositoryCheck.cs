using FleetTui.Core.Config.Validation;
using FleetTui.Core.Git;

namespace FleetTui.Core.Config;

/// <summary>
/// What fleet.toml says that only the repository can confirm, checked when a session opens and before anything is written:
/// <c>[fleet] base</c> names an existing branch, a task's <c>base</c> names a task, a branch or a commit, and worktrees do not land
/// inside the common git dir (a checkout whose .git lives elsewhere). Problems are <see cref="ConfigException"/>s at the key's position.
/// </summary>
public static class ConfigRepositoryCheck
{
    public static async Task ValidateAsync(FleetConfig config, RepositoryFacts repository, GitCli git, CancellationToken cancellationToken = default)
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
    }

    /// <summary>For configs built in code rather than read from a file.</summary>
    private static readonly SourcePosition Unknown = new(1, 1);
}

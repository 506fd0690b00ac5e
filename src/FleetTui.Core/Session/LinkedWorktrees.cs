using FleetTui.Core.Config;
using FleetTui.Core.Git;
using FleetTui.Core.Worktrees;

namespace FleetTui.Core.Session;

/// <summary>
/// The fleet's other repositories (<c>[repos.&lt;name&gt;]</c>, as found on disk) and a <see cref="WorktreeManager"/> for each: what the
/// session uses to create, look at and remove a task's worktrees outside this repository.
/// </summary>
public sealed class LinkedWorktrees
{
    private readonly Dictionary<string, (LinkedRepository Repository, WorktreeManager Manager)> _byName = new(StringComparer.Ordinal);

    public LinkedWorktrees(GitCli git, IReadOnlyList<LinkedRepository> repositories)
    {
        Repositories = repositories;
        foreach (var repository in repositories)
            _byName[repository.Name] = (repository, new WorktreeManager(git, repository.Facts));
    }

    public IReadOnlyList<LinkedRepository> Repositories { get; }

    public LinkedRepository? Find(string name) => _byName.TryGetValue(name, out var found) ? found.Repository : null;

    /// <exception cref="InvalidOperationException">fleet.toml does not declare the repository (any more).</exception>
    public WorktreeManager Manager(string name) => _byName.TryGetValue(name, out var found)
        ? found.Manager
        : throw new InvalidOperationException(NotDeclared(name));

    /// <summary>Why a task's repository cannot be worked on: fleet.toml no longer declares it.</summary>
    public static string NotDeclared(string name) =>
        $"fleet.toml does not declare repository '{name}' ([repos.{name}]); declare it again so fleet can reach the task's worktree there";

    /// <summary>The names among <paramref name="repos"/> fleet.toml does not declare.</summary>
    public IReadOnlyList<string> Undeclared(IEnumerable<string> repos) => [.. repos.Where(r => !_byName.ContainsKey(r))];

    /// <summary>
    /// What removing the task's worktrees in the other repositories would lose, each repository's items marked <c>[name]</c>. A
    /// worktree whose folder and branch are both gone loses nothing.
    /// </summary>
    public async Task<WorktreeLoss> DescribeLossAsync(TaskState task, FleetConfig config, CancellationToken cancellationToken)
    {
        var loss = WorktreeLoss.None;
        foreach (var (repo, path) in task.RepoWorktrees)
        {
            var manager = Manager(repo);
            var repoLoss = await manager.DescribeLossAsync(path, task.Branch, BaseOf(task, repo), SetupFiles(config, repo), cancellationToken)
                .ConfigureAwait(false);
            loss = loss.Plus(repoLoss.InRepository(repo));
        }

        return loss;
    }

    /// <summary>The base a task's worktree in <paramref name="repo"/> was created from (that repository's base when not recorded).</summary>
    public string BaseOf(TaskState task, string repo) =>
        task.RepoBases.GetValueOrDefault(repo) ?? Find(repo)?.BaseBranch ?? throw new InvalidOperationException(NotDeclared(repo));

    /// <summary>[repos.&lt;name&gt;.setup] copies and links: fleet's own files there, not work that removal would lose.</summary>
    public static IReadOnlyCollection<string> SetupFiles(FleetConfig config, string repo) =>
        config.FindRepo(repo) is { } declared ? [.. declared.Setup.Copy, .. declared.Setup.Link] : [];
}

namespace FleetTui.Demo;

/// <summary>
/// A throwaway git repository holding the shop and its fleet.toml, committed on <c>main</c>, and beside it the shop's price API
/// (<c>&lt;Root&gt;/api</c>, a second repository).
/// Laid out as <c>&lt;Root&gt;/shop</c> so the worktrees fleet makes (<c>../shop.worktrees/&lt;task&gt;</c>) and the shared cache
/// stay inside <c>Root</c>, and deleting <c>Root</c> removes every trace.
/// </summary>
public sealed class DemoRepository : IDisposable
{
    public const string RepositoryName = "shop";

    private DemoRepository(string root, bool owned)
    {
        Root = root;
        Owned = owned;
    }

    /// <summary>The folder that holds the repository, its worktrees and the cache.</summary>
    public string Root { get; }

    public string RepositoryPath => Path.Combine(Root, RepositoryName);

    /// <summary>The second repository beside the shop: its price API (<see cref="DemoApi"/>).</summary>
    public string ApiPath => Path.Combine(Root, DemoApi.RepositoryName);

    public string FleetTomlPath => Path.Combine(RepositoryPath, "fleet.toml");

    public string CacheDirectory => Path.Combine(Root, "cache");

    /// <summary>True when <see cref="Dispose"/> deletes <see cref="Root"/> (it was made under the temp folder, not named by the user).</summary>
    public bool Owned { get; private set; }

    /// <summary>Keep the files on disposal (<c>fleet demo --keep</c>).</summary>
    public void Keep() => Owned = false;

    /// <summary>Creates the repository under a fresh <c>$TMPDIR/fleet-demo-&lt;random&gt;</c>, deleted on disposal.</summary>
    public static Task<DemoRepository> CreateInTempAsync(IReadOnlyList<string> agentCommand, IReadOnlyDictionary<string, string>? gitEnvironment = null)
    {
        var root = Directory.CreateTempSubdirectory("fleet-demo-").FullName;
        return CreateAsync(new DemoRepository(root, owned: true), agentCommand, gitEnvironment);
    }

    /// <summary>Creates the repository under <paramref name="root"/> (created if missing; its <c>shop</c> must not exist). Never deleted.</summary>
    public static Task<DemoRepository> CreateInAsync(string root, IReadOnlyList<string> agentCommand, IReadOnlyDictionary<string, string>? gitEnvironment = null)
    {
        var repository = new DemoRepository(Path.GetFullPath(root), owned: false);
        if (Path.Exists(repository.RepositoryPath))
            throw new IOException($"{repository.RepositoryPath} already exists; choose another --dir");
        if (Path.Exists(repository.ApiPath))
            throw new IOException($"{repository.ApiPath} already exists; choose another --dir");
        return CreateAsync(repository, agentCommand, gitEnvironment);
    }

    private static async Task<DemoRepository> CreateAsync(DemoRepository repository, IReadOnlyList<string> agentCommand, IReadOnlyDictionary<string, string>? gitEnvironment)
    {
        try
        {
            var repo = repository.RepositoryPath;
            Directory.CreateDirectory(repo);
            Directory.CreateDirectory(repository.CacheDirectory);
            foreach (var (path, content) in DemoCodebase.TrackedFiles.Concat(DemoCodebase.LocalFiles))
            {
                var full = Path.Combine(repo, path);
                Directory.CreateDirectory(Path.GetDirectoryName(full)!);
                await File.WriteAllTextAsync(full, content);
            }
            await File.WriteAllTextAsync(repository.FleetTomlPath, DemoFleetToml.Render(agentCommand, repository.CacheDirectory));

            await CommitAllAsync(repo, gitEnvironment, "Shop: catalog, pricing, checkout and their tests");

            Directory.CreateDirectory(repository.ApiPath);
            foreach (var (path, content) in DemoApi.TrackedFiles)
                await File.WriteAllTextAsync(Path.Combine(repository.ApiPath, path), content);
            await CommitAllAsync(repository.ApiPath, gitEnvironment, "Price API: prices.json and serve.sh");
            return repository;
        }
        catch
        {
            repository.Dispose();
            throw;
        }
    }

    /// <summary>A new repository on main holding every file of <paramref name="repo"/> in one commit.</summary>
    private static async Task CommitAllAsync(string repo, IReadOnlyDictionary<string, string>? gitEnvironment, string message)
    {
        await DemoCommand.GitAsync(repo, gitEnvironment, "init", "--quiet", "--initial-branch", DemoFleet.BaseBranch);
        // A local identity, and no signing or hooks from the user's global config: the demo must commit on any machine.
        await DemoCommand.GitAsync(repo, gitEnvironment, "config", "user.name", "Fleet Demo");
        await DemoCommand.GitAsync(repo, gitEnvironment, "config", "user.email", "demo@fleet.invalid");
        await DemoCommand.GitAsync(repo, gitEnvironment, "config", "commit.gpgsign", "false");
        await DemoCommand.GitAsync(repo, gitEnvironment, "config", "core.hooksPath", "/dev/null");
        await DemoCommand.GitAsync(repo, gitEnvironment, "add", "--all");
        await DemoCommand.GitAsync(repo, gitEnvironment, "commit", "--quiet", "-m", message);
    }

    public void Dispose()
    {
        if (Owned && Directory.Exists(Root))
            Directory.Delete(Root, recursive: true);
        Owned = false;
    }
}

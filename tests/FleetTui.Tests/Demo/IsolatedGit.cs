using FleetTui.Demo;

namespace FleetTui.Tests.Demo;

/// <summary>
/// A temporary folder and an environment for git that ignores the user's and the system's config (an empty GIT_CONFIG_GLOBAL,
/// GIT_CONFIG_NOSYSTEM, a private HOME). Deleted on disposal.
/// </summary>
public sealed class IsolatedGit : IDisposable
{
    public IsolatedGit()
    {
        Root = Directory.CreateTempSubdirectory("fleet-demo-test-").FullName;
        var home = Path.Combine(Root, "home");
        Directory.CreateDirectory(home);
        var globalConfig = Path.Combine(home, ".gitconfig");
        File.WriteAllText(globalConfig, "");
        HostFolder = Path.Combine(Root, "hosts");
        Environment = new Dictionary<string, string>
        {
            ["GIT_CONFIG_GLOBAL"] = globalConfig,
            ["GIT_CONFIG_NOSYSTEM"] = "1",
            ["HOME"] = home,
            // Fleet hosts started here keep their sockets here, and are stopped when this fixture goes.
            [FleetTui.Host.Server.HostPaths.FolderVariable] = HostFolder,
        };
    }

    public string Root { get; }

    /// <summary>Where fleet hosts started with <see cref="Environment"/> keep their sockets, logs and info files.</summary>
    public string HostFolder { get; }

    public IReadOnlyDictionary<string, string> Environment { get; }

    public Task<string> GitAsync(string directory, params string[] arguments) => DemoCommand.GitAsync(directory, Environment, arguments);

    public Task<DemoCommandResult> RunAsync(string directory, params string[] argv) => DemoCommand.RunAsync(argv, directory, Environment);

    /// <summary>A demo repository under this folder (kept until this fixture is disposed).</summary>
    public Task<DemoRepository> CreateDemoAsync(params string[] agentCommand) =>
        DemoRepository.CreateInAsync(Path.Combine(Root, "demo"), agentCommand.Length == 0 ? ["/opt/fleet/fleet"] : agentCommand, Environment);

    /// <summary>Adds a worktree on a new branch <c>fleet/&lt;task&gt;</c> from <paramref name="start"/>, as fleet would.</summary>
    public async Task<string> AddWorktreeAsync(DemoRepository repository, string task, string start = DemoFleet.BaseBranch)
    {
        var path = Path.Combine(repository.Root, "shop.worktrees", task);
        await GitAsync(repository.RepositoryPath, "worktree", "add", "--quiet", "-b", $"fleet/{task}", path, start);
        return path;
    }

    public void Dispose()
    {
        FleetTui.Tests.Host.FleetHosts.StopAll(HostFolder);
        if (Directory.Exists(Root))
            Directory.Delete(Root, recursive: true);
    }
}

using FleetTui.Core.Config;
using FleetTui.Core.Git;
using FleetTui.Core.Session;
using FleetTui.Cli.Access;
using FleetTui.Host.Client;
using FleetTui.Host.Server;

namespace FleetTui.Cli;

/// <summary>
/// What the engine verbs (ps, new, rm, prune) share: find the repository, load fleet.toml strictly (a missing file means an empty
/// fleet, so <c>fleet new</c> works before <c>fleet init</c>), open the session. Problems become the documented exit codes with a
/// message on stderr, before anything is touched.
/// </summary>
public static class FleetWorkspace
{
    public const string ConfigFileName = "fleet.toml";

    /// <summary>How long a verb waits for a fleet host that is starting (it holds the lock but does not answer yet).</summary>
    private static readonly TimeSpan HostStartWait = TimeSpan.FromSeconds(20);

    /// <summary>
    /// The fleet, through the running host when one answers (it reads fleet.toml again first, so the verb and the host
    /// agree on it), else a session of the verb's own under the host lock. On a problem, writes it to stderr and returns
    /// the exit code to use.
    /// </summary>
    /// <param name="readOnly">For verbs that only look (ps, merge --dry-run): a session of their own writes nothing, not even recovery.</param>
    public static async Task<(IFleetAccess? Fleet, int ExitCode)> OpenAsync(CliContext context, CancellationToken cancellationToken = default, bool readOnly = false)
    {
        var git = GitFor(context);
        if (await ReadRepositoryAsync(context, "fleet", cancellationToken) is not { } repository)
            return (null, ExitCodes.NoRepository);

        FleetConfig config;
        try
        {
            config = LoadConfig(repository.Root);
        }
        catch (ConfigException error)
        {
            context.Error.WriteLine(error.Message);
            return (null, ExitCodes.BadConfig);
        }

        var paths = HostPaths.For(repository.CommonDir, context.Variable(HostPaths.FolderVariable));
        var deadline = DateTime.UtcNow + HostStartWait;
        var pause = TimeSpan.FromMilliseconds(10);
        int? lastHolder = null;
        while (true)
        {
            if (await HostConnector.TryConnectAsync(paths.Socket, cancellationToken) is { } stream)
                return await ThroughHostAsync(context, stream, repository.Root, cancellationToken);
            if (HostLock.TryAcquire(repository.FleetDir) is { } hostLock)
                return await DirectAsync(context, repository, config, git, hostLock, readOnly, cancellationToken);
            // Verbs queued without a host take the lock in turn: each new holder is progress, and gets its own time.
            if (HostLock.HolderIn(repository.FleetDir) is { } holding && holding != lastHolder)
            {
                lastHolder = holding;
                deadline = DateTime.UtcNow + HostStartWait;
            }
            if (DateTime.UtcNow > deadline)
            {
                var holder = HostLock.HolderIn(repository.FleetDir) is { } pid ? $" (pid {pid})" : "";
                context.Error.WriteLine($"fleet: a fleet host{holder} holds {HostLock.PathIn(repository.FleetDir)} but does not answer on {paths.Socket}; see {paths.Log}");
                return (null, ExitCodes.Failed);
            }
            // A host is starting (or another verb works without one): it answers, or lets go, within moments.
            await Task.Delay(pause, cancellationToken);
            pause = TimeSpan.FromMilliseconds(Math.Min(200, pause.TotalMilliseconds * 2));
        }
    }

    /// <summary>Asks a running fleet host (if any) to read fleet.toml again; the exit code says whether it could.</summary>
    public static async Task<int> TellHostConfigChangedAsync(CliContext context, RepositoryFacts repository, CancellationToken cancellationToken)
    {
        var paths = HostPaths.For(repository.CommonDir, context.Variable(HostPaths.FolderVariable));
        if (await HostConnector.TryConnectAsync(paths.Socket, cancellationToken) is not { } stream)
            return ExitCodes.Ok;
        var (fleet, exit) = await ThroughHostAsync(context, stream, repository.Root, cancellationToken);
        if (fleet is not null)
            await fleet.DisposeAsync();
        return exit;
    }

    private static async Task<(IFleetAccess?, int)> ThroughHostAsync(CliContext context, Stream stream, string root, CancellationToken cancellationToken)
    {
        HostFleetAccess fleet;
        try
        {
            fleet = await HostFleetAccess.ConnectAsync(stream, cancellationToken);
        }
        catch (HostRefusedException error)
        {
            await stream.DisposeAsync();
            context.Error.WriteLine($"fleet: {error.Message}");
            return (null, ExitCodes.Failed);
        }
        if (File.Exists(Path.Combine(root, ConfigFileName)) && await fleet.ReloadConfigAsync() is { Succeeded: false } reload)
        {
            await fleet.DisposeAsync();
            context.Error.WriteLine(reload.Message);
            return (null, ExitCodes.BadConfig);
        }
        return (fleet, ExitCodes.Ok);
    }

    private static async Task<(IFleetAccess?, int)> DirectAsync(
        CliContext context, RepositoryFacts repository, FleetConfig config, GitCli git, HostLock hostLock, bool readOnly, CancellationToken cancellationToken)
    {
        try
        {
            var session = await FleetSession.OpenAsync(new FleetSessionOptions
            {
                RepositoryDirectory = repository.Root,
                Repository = repository,
                Config = config,
                Git = git,
                ReadOnly = readOnly,
                // The verbs' own environment changes (tests: fake toolchains on PATH) reach the setup command too.
                ExtraSetupEnvironment = context.Environment.Where(kv => kv.Value is not null).ToDictionary(kv => kv.Key, kv => kv.Value!, StringComparer.Ordinal),
            }, cancellationToken);
            return (new DirectFleetAccess(session, hostLock, git, FleetTui.Host.Remote.RemoteMergePass.For(session, git, context.Variable)), ExitCodes.Ok);
        }
        catch (ConfigException error)
        {
            // fleet.toml names something the repository does not have (a base branch): a config problem, with its position.
            hostLock.Dispose();
            context.Error.WriteLine(error.Message);
            return (null, ExitCodes.BadConfig);
        }
        catch (Exception error) when (error is SessionStateException or InvalidOperationException or GitException)
        {
            hostLock.Dispose();
            context.Error.WriteLine($"fleet: {error.Message}");
            return (null, ExitCodes.Failed);
        }
    }

    /// <summary>The repository around the working directory, or null after telling stderr (as <paramref name="who"/>) it is not in one.</summary>
    public static async Task<RepositoryFacts?> ReadRepositoryAsync(CliContext context, string who, CancellationToken cancellationToken)
    {
        try
        {
            return await RepositoryFacts.ReadAsync(GitFor(context), context.WorkingDirectory, cancellationToken);
        }
        catch (Exception error) when (error is GitException or InvalidOperationException or System.ComponentModel.Win32Exception
                                          or CliWrap.Exceptions.CommandExecutionException)
        {
            var detail = error is GitException git ? git.Result.StandardError.Trim() : error.Message.Trim();
            context.Error.WriteLine($"{who}: {context.WorkingDirectory} is not inside a git repository ({detail}).");
            return null;
        }
    }

    public static GitCli GitFor(CliContext context) => new(new GitCliOptions { Environment = context.GitEnvironment });

    /// <summary>fleet.toml at the repository root, or an empty fleet when there is none.</summary>
    public static FleetConfig LoadConfig(string repoRoot)
    {
        var path = Path.Combine(repoRoot, ConfigFileName);
        return File.Exists(path)
            ? ConfigLoader.Load(path)
            : new FleetConfig { SourcePath = path, Fleet = new FleetSettings(), Agents = Core.Agents.AgentPresets.BuiltIn };
    }

    /// <summary>Writes a command's outcome: the message on stdout (stderr when it failed), each detail indented below it.</summary>
    public static int Report(CliContext context, CommandResult result)
    {
        var writer = result.Succeeded ? context.Out : context.Error;
        writer.WriteLine(result.Message);
        foreach (var detail in result.Details)
            writer.WriteLine($"  {detail}");
        return result.Succeeded ? ExitCodes.Ok : ExitCodes.Failed;
    }
}

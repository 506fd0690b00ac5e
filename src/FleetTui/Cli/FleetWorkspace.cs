using FleetTui.Core.Config;
using FleetTui.Core.Git;
using FleetTui.Core.Session;

namespace FleetTui.Cli;

/// <summary>
/// What the engine verbs (ps, new, rm, prune) share: find the repository, load fleet.toml strictly (a missing file means an empty
/// fleet, so <c>fleet new</c> works before <c>fleet init</c>), open the session. Problems become the documented exit codes with a
/// message on stderr, before anything is touched.
/// </summary>
public static class FleetWorkspace
{
    public const string ConfigFileName = "fleet.toml";

    /// <summary>Opens the session, or writes the problem to stderr and returns the exit code to use.</summary>
    public static async Task<(FleetSession? Session, int ExitCode)> OpenAsync(CliContext context, CancellationToken cancellationToken = default)
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

        try
        {
            var session = await FleetSession.OpenAsync(new FleetSessionOptions
            {
                RepositoryDirectory = repository.Root,
                Repository = repository,
                Config = config,
                Git = git,
                // The verbs' own environment changes (tests: fake toolchains on PATH) reach the setup command too.
                ExtraSetupEnvironment = context.Environment.Where(kv => kv.Value is not null).ToDictionary(kv => kv.Key, kv => kv.Value!, StringComparer.Ordinal),
            }, cancellationToken);
            return (session, ExitCodes.Ok);
        }
        catch (Exception error) when (error is SessionStateException or InvalidOperationException or GitException)
        {
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

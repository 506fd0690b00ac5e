using FleetTui.Core.Config;
using FleetTui.Core.Git;
using FleetTui.Core.Session;

namespace FleetTui.Cli.Doctor;

/// <summary>
/// What every check gets: the machine, and the fleet of the repository doctor runs in, read once (read only: nothing is
/// created). Each problem reading them is kept for the check that reports it, so one broken thing never hides the others.
/// </summary>
public sealed record DoctorContext(IMachine Machine)
{
    /// <summary>The repository around the working directory, or null (see <see cref="RepositoryProblem"/>).</summary>
    public RepositoryFacts? Repository { get; init; }

    public string? RepositoryProblem { get; init; }

    /// <summary>The repository's fleet.toml when there is one and it loads.</summary>
    public FleetConfig? Config { get; init; }

    /// <summary>fleet.toml's path when the file exists (whether or not it loads).</summary>
    public string? ConfigPath { get; init; }

    /// <summary>Why fleet.toml did not load (<c>fleet.toml:LINE:COL: message</c>).</summary>
    public string? ConfigProblem { get; init; }

    /// <summary>The tasks in state.json (none when there is no state yet).</summary>
    public IReadOnlyList<TaskState> Tasks { get; init; } = [];

    /// <summary>Why state.json could not be read.</summary>
    public string? StateProblem { get; init; }

    /// <summary>Reads the repository, its fleet.toml and its state.json, without writing anything.</summary>
    public static async Task<DoctorContext> ReadAsync(IMachine machine, GitCli git, CancellationToken cancellationToken)
    {
        RepositoryFacts repository;
        try
        {
            repository = await RepositoryFacts.ReadAsync(git, machine.WorkingDirectory, cancellationToken);
        }
        catch (Exception error) when (error is GitException or InvalidOperationException or System.ComponentModel.Win32Exception
                                          or CliWrap.Exceptions.CommandExecutionException)
        {
            var detail = error is GitException failed ? failed.Result.StandardError.Trim() : error.Message.Trim();
            return new DoctorContext(machine) { RepositoryProblem = $"{machine.WorkingDirectory} is not inside a git repository ({detail})" };
        }

        var context = new DoctorContext(machine) { Repository = repository };
        var configPath = Path.Combine(repository.Root, FleetWorkspace.ConfigFileName);
        if (File.Exists(configPath))
        {
            try
            {
                context = context with { ConfigPath = configPath, Config = ConfigLoader.Load(configPath) };
            }
            catch (Exception error) when (error is ConfigException or IOException or UnauthorizedAccessException)
            {
                context = context with { ConfigPath = configPath, ConfigProblem = error.Message };
            }
        }

        // Only an existing state is read: SessionStore creates its folder, and doctor must leave a repository as it found it.
        var store = new SessionStore(repository.FleetDir, lockTimeout: TimeSpan.FromSeconds(2));
        if (File.Exists(store.StatePath))
        {
            try
            {
                context = context with { Tasks = store.Load().Tasks };
            }
            catch (Exception error) when (error is SessionStateException or IOException or UnauthorizedAccessException)
            {
                context = context with { StateProblem = error.Message };
            }
        }

        return context;
    }
}

using System.CommandLine;
using FleetTui.Core.Git;

namespace FleetTui.Cli;

/// <summary><c>fleet init</c>: writes a commented starter fleet.toml at the repository root; never overwrites one.</summary>
public static class InitVerb
{
    public static Command Create(CliContext context)
    {
        var command = new Command("init",
            "Write a commented starter fleet.toml (every key documented) at the root of the current git repository. " +
            "Refuses to overwrite an existing fleet.toml.");
        command.SetAction((_, cancellationToken) => RunAsync(context, cancellationToken));
        return command;
    }

    public static async Task<int> RunAsync(CliContext context, CancellationToken cancellationToken = default)
    {
        if (await FleetWorkspace.ReadRepositoryAsync(context, "fleet init", cancellationToken) is not { } repository)
            return ExitCodes.NoRepository;
        var root = repository.Root;

        var path = Path.Combine(root, FleetWorkspace.ConfigFileName);
        if (File.Exists(path))
        {
            context.Error.WriteLine($"fleet init: {path} already exists; not overwriting it.");
            return ExitCodes.Failed;
        }

        // CreateNew: even a file appearing between the check and the write is never overwritten.
        await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write))
        await using (var starter = StarterConfig())
            await starter.CopyToAsync(file, cancellationToken);
        context.Out.WriteLine($"Wrote {path}. Edit it, then `fleet new <task>` or `fleet ps`.");
        return ExitCodes.Ok;
    }

    /// <summary>The shipped fleet.toml.example, embedded in the executable.</summary>
    public static Stream StarterConfig() =>
        typeof(InitVerb).Assembly.GetManifestResourceStream("fleet.toml.example")
        ?? throw new InvalidOperationException("fleet.toml.example is missing from the executable's resources.");
}

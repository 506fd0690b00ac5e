using System.CommandLine;
using FleetTui.Core.Agents;
using FleetTui.Core.Config;
using FleetTui.Core.Git;

namespace FleetTui.Cli;

/// <summary>
/// <c>fleet import DIR [--dry-run]</c>: one task per ticket (<c>DIR/*.md</c>), appended to fleet.toml; front matter
/// (<c>depends_on</c>, <c>agent</c>) is read when present. Nothing is written unless the resulting fleet.toml is valid.
/// </summary>
public static class ImportVerb
{
    public static Command Create(CliContext context)
    {
        var folder = new Argument<string>("dir") { Description = "A folder of *.md tickets inside the repository." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Print the tasks that would be added; change nothing." };
        var command = new Command("import", "Create one task per ticket file (*.md) in a folder.") { folder, dryRun };
        command.SetAction((parse, cancellationToken) => RunAsync(context, parse.GetValue(folder)!, parse.GetValue(dryRun), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CliContext context, string folder, bool dryRun, CancellationToken cancellationToken)
    {
        var directory = Path.GetFullPath(folder, context.WorkingDirectory);
        if (!Directory.Exists(directory))
        {
            context.Error.WriteLine($"fleet import: no such folder: {folder}");
            return ExitCodes.Failed;
        }

        if (await FleetWorkspace.ReadRepositoryAsync(context, "fleet import", cancellationToken) is not { } repository)
            return ExitCodes.NoRepository;

        TicketImport import;
        try
        {
            // Resolve symlinks the same way git does, so the ticket paths come out relative to the real root.
            var root = new DirectoryInfo(repository.Root).ResolveLinkTarget(true)?.FullName ?? repository.Root;
            var tickets = new DirectoryInfo(directory).ResolveLinkTarget(true)?.FullName ?? directory;
            import = TicketImporter.Plan(root, Path.Combine(repository.Root, FleetWorkspace.ConfigFileName), tickets);
        }
        catch (ConfigException error)
        {
            context.Error.WriteLine($"fleet import: nothing changed: {error.Message}");
            return ExitCodes.BadConfig;
        }
        catch (FormatException error)
        {
            context.Error.WriteLine($"fleet import: nothing changed: {error.Message}");
            return ExitCodes.Failed;
        }

        foreach (var skipped in import.Skipped)
            context.Out.WriteLine($"skipped {skipped}");
        if (import.Added.Count == 0)
        {
            context.Out.WriteLine($"no new tickets in {folder}");
            return ExitCodes.Ok;
        }

        if (dryRun)
        {
            context.Out.WriteLine($"would append to {import.ConfigPath}:");
            context.Out.Write(import.AppendedText);
            return ExitCodes.Ok;
        }

        TicketImporter.Apply(import);
        foreach (var task in import.Added)
        {
            var details = task.DependsOn.Count > 0 ? $" (depends on {string.Join(", ", task.DependsOn)})" : "";
            var ignored = task.IgnoredKeys.Count > 0 ? $" [front matter ignored: {string.Join(", ", task.IgnoredKeys)}]" : "";
            context.Out.WriteLine($"added task {task.Name} ← {task.Ticket}{details}{ignored}");
        }

        // A running host learns of the new tasks now.
        return await FleetWorkspace.TellHostConfigChangedAsync(context, repository, cancellationToken);
    }
}

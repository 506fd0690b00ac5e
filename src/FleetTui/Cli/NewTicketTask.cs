using FleetTui.Core.Agents;
using FleetTui.Core.Config;
using FleetTui.Core.Git;
using FleetTui.Core.Session;

namespace FleetTui.Cli;

/// <summary>
/// <c>fleet new --ticket FILE</c>: appends a <c>[[task]]</c> for the ticket to fleet.toml (named after the file unless
/// named, <c>depends_on</c> and <c>agent</c> from its front matter, like <c>fleet import</c>), then creates its worktree
/// when nothing it depends on is still unmerged (otherwise the cockpit creates it once they merge).
/// </summary>
public static class NewTicketTask
{
    public static async Task<int> RunAsync(CliContext context, string ticket, string? name, string? agent, CancellationToken cancellationToken)
    {
        var file = Path.GetFullPath(ticket, context.WorkingDirectory);
        if (!File.Exists(file))
        {
            context.Error.WriteLine($"fleet new: no such ticket file: {ticket} ({file})");
            return ExitCodes.Failed;
        }

        if (await FleetWorkspace.ReadRepositoryAsync(context, "fleet new", cancellationToken) is not { } repository)
            return ExitCodes.NoRepository;

        TicketImport import;
        try
        {
            // Resolve symlinks as git does, so the ticket path comes out relative to the real root.
            var root = new DirectoryInfo(repository.Root).ResolveLinkTarget(true)?.FullName ?? repository.Root;
            var folder = Path.GetDirectoryName(file)!;
            var realFile = Path.Combine(new DirectoryInfo(folder).ResolveLinkTarget(true)?.FullName ?? folder, Path.GetFileName(file));
            import = TicketImporter.PlanTicket(root, Path.Combine(repository.Root, FleetWorkspace.ConfigFileName), realFile, name, agent);
        }
        catch (ConfigException error)
        {
            context.Error.WriteLine($"fleet new: nothing changed: {error.Message}");
            return ExitCodes.BadConfig;
        }
        catch (FormatException error)
        {
            context.Error.WriteLine($"fleet new: nothing changed: {error.Message}");
            return ExitCodes.Failed;
        }

        TicketImporter.Apply(import);
        var added = import.Added[0];
        var details = added.DependsOn.Count > 0 ? $" (depends on {string.Join(", ", added.DependsOn)})" : "";
        context.Out.WriteLine($"added task {added.Name} ← {added.Ticket}{details} to {FleetWorkspace.ConfigFileName}");

        var (fleet, exit) = await FleetWorkspace.OpenAsync(context, cancellationToken);
        if (fleet is null)
            return exit;
        await using (fleet)
        {
            if (fleet.Current.FindTask(added.Name) is { Phase: TaskPhase.Blocked })
            {
                context.Out.WriteLine($"{added.Name} is blocked until {string.Join(", ", added.DependsOn)} merged; its worktree is created then");
                return ExitCodes.Ok;
            }
            return FleetWorkspace.Report(context, await fleet.SendAsync(new SessionCommand.CreateTask(added.Name)));
        }
    }
}

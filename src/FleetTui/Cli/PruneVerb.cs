using System.CommandLine;
using FleetTui.Core.Session;

namespace FleetTui.Cli;

/// <summary><c>fleet prune</c>: cleans up after merged and vanished tasks, reporting each.</summary>
public static class PruneVerb
{
    public static Command Create(CliContext context)
    {
        var command = new Command("prune",
            "Remove the worktrees and branches of merged tasks, and forget tasks whose worktree folder was deleted by hand " +
            "(their branch is deleted only if merged). Prints one line per task touched.");
        command.SetAction(async (_, cancellationToken) =>
        {
            var (fleet, exit) = await FleetWorkspace.OpenAsync(context, cancellationToken);
            if (fleet is null)
                return exit;
            await using (fleet)
                return FleetWorkspace.Report(context, await fleet.SendAsync(new SessionCommand.Prune()));
        });
        return command;
    }
}

using System.CommandLine;
using FleetTui.Core.Session;

namespace FleetTui.Cli;

/// <summary><c>fleet rm &lt;task&gt; [--force]</c>: removes a task's worktree, and its branch when merged.</summary>
public static class RmVerb
{
    public static Command Create(CliContext context)
    {
        var name = new Argument<string>("task") { Description = "The task whose worktree to remove." };
        var force = new Option<bool>("--force") { Description = "Discard uncommitted changes and unmerged commits (git worktree remove --force, git branch -D)." };
        var command = new Command("rm",
            "Remove a task's worktree (git worktree remove) and delete its branch if it is merged into the base. " +
            "Refuses, listing the uncommitted paths and unmerged commits that would be lost, unless --force. Never touches files outside the worktree.")
        {
            name, force,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var (fleet, exit) = await FleetWorkspace.OpenAsync(context, cancellationToken);
            if (fleet is null)
                return exit;
            await using (fleet)
                return FleetWorkspace.Report(context, await fleet.DestroyAsync(parse.GetValue(name)!, parse.GetValue(force), stopAgent: parse.GetValue(force)));
        });
        return command;
    }
}

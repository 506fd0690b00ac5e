using System.CommandLine;
using FleetTui.Core.Session;

namespace FleetTui.Cli;

/// <summary><c>fleet rm &lt;task&gt; [--force]</c>: removes a task's worktree, and its branch when merged.</summary>
public static class RmVerb
{
    public static Command Create(CliContext context)
    {
        var name = new Argument<string>("task") { Description = "The task whose worktree to remove." };
        var force = new Option<bool>("--force")
        {
            Description = "Remove anyway: uncommitted changes and ignored files are discarded; commits that would become unreachable are kept " +
                          "under refs/fleet/rescued/<task>/ (git log them; git update-ref -d lets them go).",
        };
        var command = new Command("rm",
            "Remove a task's worktree (git worktree remove) and delete its branch if it is merged into the base. The task's agent is stopped first. " +
            "Refuses, listing what would be lost, unless --force: uncommitted paths, commits not merged into the base, commits only the worktree's " +
            "reflog reaches (made on a detached HEAD, amended or reset away) and ignored files (.env.local) other than [setup]'s copies and links. " +
            "Never touches files outside the worktree.")
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

using System.CommandLine;
using FleetTui.Core.Merging;
using FleetTui.Core.Session;

namespace FleetTui.Cli;

/// <summary><c>fleet gate &lt;task&gt;</c>: runs a task's quality gate in its worktree now and records the result.</summary>
public static class GateVerb
{
    public static Command Create(CliContext context)
    {
        var name = new Argument<string>("task") { Description = "The task whose gate to run." };
        var command = new Command("gate",
            "Run a task's gate (its `gate`, or the fleet's) through sh -c in its worktree, with the fleet's gate_timeout. " +
            "Output goes to <git-common-dir>/fleet/logs/<task>/gate-<n>.log. Exit code 0 when it passed (or there is no gate), 1 otherwise.")
        {
            name,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var (fleet, exit) = await FleetWorkspace.OpenAsync(context, cancellationToken);
            if (fleet is null)
                return exit;
            await using (fleet)
            {
                var task = fleet.Current.FindTask(parse.GetValue(name)!);
                if (task is null)
                {
                    context.Error.WriteLine($"fleet gate: no task named '{parse.GetValue(name)}'.");
                    return ExitCodes.Usage;
                }
                if (!Directory.Exists(task.WorktreePath) || task.Phase is TaskPhase.Pending or TaskPhase.Blocked or TaskPhase.Merged)
                {
                    context.Error.WriteLine($"fleet gate: task '{task.Name}' has no worktree ({task.Phase.ToString().ToLowerInvariant()}).");
                    return ExitCodes.Failed;
                }
                if (await fleet.RunGateAsync(task.Name, cancellationToken) is not { } gate)
                {
                    context.Error.WriteLine($"fleet gate: {task.Name}'s gate did not run (the fleet host is stopping).");
                    return ExitCodes.Failed;
                }
                var text = gate.Outcome switch
                {
                    GateOutcome.NoGate => $"{task.Name}: no gate configured (counts as passed).",
                    GateOutcome.Passed => $"{task.Name}: gate passed (run {gate.RunNumber}, log {gate.LogPath}).",
                    _ => $"{task.Name}: {new MergeReadiness.GateFailed(gate).Why}.",
                };
                (gate.Succeeded ? context.Out : context.Error).WriteLine(text);
                return gate.Succeeded ? ExitCodes.Ok : ExitCodes.Failed;
            }
        });
        return command;
    }
}

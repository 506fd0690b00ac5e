using System.CommandLine;
using FleetTui.Cli.Access;
using FleetTui.Host.Protocol;
using FleetTui.Core.Session;

namespace FleetTui.Cli;

/// <summary><c>fleet merge [&lt;task&gt;...] [--all] [--dry-run] [--yes]</c>: prints the merge plan, then gates and merges in dependency order.</summary>
public static class MergeVerb
{
    public static Command Create(CliContext context)
    {
        var tasks = new Argument<string[]>("task") { Description = "Tasks to merge (their dependencies must have merged). A task in review is retried.", Arity = ArgumentArity.ZeroOrMore };
        var all = new Option<bool>("--all") { Description = "Merge every ready task, in order." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Print the plan (order, readiness with reasons, predicted conflicts) and change nothing." };
        var yes = new Option<bool>("--yes", "-y") { Description = "Do not ask for confirmation (required when stdin is not a terminal)." };
        var command = new Command("merge",
            "Merge finished tasks into the base in dependency order. Prints the plan; without --dry-run runs each task's gate and merges it in memory, " +
            "moving the base only when its checkout is clean. A conflict is never forced: the task goes to review and nothing changes. " +
            "Exit code 1 when a selected task is in review or failed its gate (in this run or before), or the merge stopped.")
        {
            tasks, all, dryRun, yes,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var (fleet, exit) = await FleetWorkspace.OpenAsync(context, cancellationToken, readOnly: parse.GetValue(dryRun));
            if (fleet is null)
                return exit;
            await using (fleet)
                return await RunAsync(context, fleet, parse.GetValue(tasks) ?? [], parse.GetValue(all), parse.GetValue(dryRun), parse.GetValue(yes), cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(CliContext context, IFleetAccess fleet, string[] names, bool all, bool dryRun, bool yes, CancellationToken cancellationToken)
    {
        var unknown = names.Where(n => fleet.Current.FindTask(n) is null).ToList();
        if (unknown.Count > 0)
        {
            context.Error.WriteLine($"fleet merge: no task named {string.Join(", ", unknown.Select(n => $"'{n}'"))}.");
            return ExitCodes.Usage;
        }
        if (names.Length > 0 && all)
        {
            context.Error.WriteLine("fleet merge: name tasks or pass --all, not both.");
            return ExitCodes.Usage;
        }

        if (!dryRun)
        {
            // Naming a task in review is the "retry" action: it leaves review and is planned again.
            foreach (var name in names.Where(n => fleet.Current.FindTask(n)!.Phase == TaskPhase.Review))
                await fleet.SendAsync(new SessionCommand.SetPhase(name, TaskPhase.Done, "retrying the merge"));
        }

        var plan = await fleet.PlanMergeAsync(cancellationToken);
        MergePlanText.Write(context.Out, plan);
        await Remote.RemoteMergeForecast.WriteAsync(context, fleet.Current, cancellationToken);
        if (dryRun)
            return ExitCodes.Ok;
        if (names.Length == 0 && !all)
        {
            context.Out.WriteLine("Nothing merged: name tasks or pass --all (--dry-run only prints the plan).");
            return ExitCodes.Ok;
        }

        IReadOnlySet<string>? only = names.Length > 0 ? names.ToHashSet() : null;
        var candidates = plan.Entries.Where(e => e.CanAttempt && (only is null || only.Contains(e.Name))).Select(e => e.Name).ToList();
        if (candidates.Count == 0 && only is null && fleet.Current.Config.Hosts.Count > 0)
        {
            // Nothing local to merge: the remote hosts' ready tasks may still be.
            if (!yes && !Confirm(context, $"Merge the remote hosts' ready tasks into {plan.BaseBranch}?"))
                return ExitCodes.Failed;
            return await Remote.RemoteMerge.RunAsync(context, fleet.Current, [], null, cancellationToken) ? ExitCodes.Ok : ExitCodes.Failed;
        }
        if (candidates.Count == 0)
        {
            var why = only is null ? "no task is ready" : string.Join("; ", plan.Entries.Where(e => only.Contains(e.Name)).Select(e => $"{e.Name}: {e.Why}"));
            context.Error.WriteLine($"Nothing to merge: {why}.");
            return only is null && !plan.Entries.Any(e => e.WaitsOnAHuman) ? ExitCodes.Ok : ExitCodes.Failed;
        }

        if (!yes && !Confirm(context, $"Gate and merge {string.Join(", ", candidates)} into {plan.BaseBranch}?"))
            return ExitCodes.Failed;

        if (await fleet.MergeAsync(names.Length > 0 ? names : null, step => context.Out.WriteLine($"  {step}"), cancellationToken) is not { } report)
        {
            context.Error.WriteLine("fleet merge: the merge did not run (the fleet host is stopping).");
            return ExitCodes.Failed;
        }
        context.Out.WriteLine(Summary(report));
        var leftBehind = plan.Entries.Any(e => (only is null || only.Contains(e.Name)) && e.WaitsOnAHuman);
        // Remote hosts' ready tasks follow, in dependency order after the local ones they depend on (--all only, for now).
        var remoteMerged = only is not null || await Remote.RemoteMerge.RunAsync(context, fleet.Current, report.Merged, null, cancellationToken);
        return report.Succeeded && !leftBehind && remoteMerged ? ExitCodes.Ok : ExitCodes.Failed;
    }

    private static bool Confirm(CliContext context, string question)
    {
        if (context.Input is null)
        {
            context.Error.WriteLine("fleet merge: stdin is not a terminal, so nobody can confirm; pass --yes to merge.");
            return false;
        }
        context.Out.Write($"{question} [y/N] ");
        var answer = context.Input.ReadLine()?.Trim();
        if (answer is "y" or "Y" or "yes" or "Yes")
            return true;
        context.Out.WriteLine("Nothing merged.");
        return false;
    }

    private static string Summary(MergeReportView report)
    {
        var parts = new List<string> { report.Merged.Count == 0 ? "Merged nothing" : $"Merged {string.Join(", ", report.Merged)}" };
        if (report.SentToReview.Count > 0)
            parts.Add($"in review: {string.Join(", ", report.SentToReview)} (see fleet review)");
        if (report.GateFailed.Count > 0)
            parts.Add($"gate failed: {string.Join(", ", report.GateFailed)}");
        if (report.Stopped is { } stopped)
            parts.Add($"stopped: {stopped}");
        return string.Join("; ", parts) + ".";
    }
}

using System.CommandLine;
using FleetTui.Cli.Access;
using FleetTui.Core.Config.Hosts;
using FleetTui.Host.Protocol;
using FleetTui.Core.Session;

namespace FleetTui.Cli;

/// <summary><c>fleet merge [&lt;task&gt;...] [--all] [--dry-run] [--yes]</c>: prints the merge plan, then gates and merges in dependency order.</summary>
public static class MergeVerb
{
    public static Command Create(CliContext context)
    {
        var tasks = new Argument<string[]>("task")
        {
            Description = "Tasks to merge (their dependencies must have merged); a remote host's task as task@host. A task in review is retried.",
            Arity = ArgumentArity.ZeroOrMore,
        };
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
        var config = fleet.Current.Config;
        // task@host, or a task fleet.toml declares on a host: merged here from that host by the same run.
        var remoteNames = names.Where(n => RemoteTaskName.Find(config, n) is not null).ToList();
        var unknown = names.Where(n => fleet.Current.FindTask(n) is null && !remoteNames.Contains(n)).ToList();
        if (unknown.Count > 0)
        {
            var hosts = config.Hosts.Count == 0 ? "" : $" (a remote host's task is named task@host: {string.Join(", ", config.Hosts.Keys.Order(StringComparer.Ordinal))})";
            context.Error.WriteLine($"fleet merge: no task named {string.Join(", ", unknown.Select(n => $"'{n}'"))}{hosts}.");
            return ExitCodes.Usage;
        }
        if (names.Length > 0 && all)
        {
            context.Error.WriteLine("fleet merge: name tasks or pass --all, not both.");
            return ExitCodes.Usage;
        }

        if (!dryRun)
        {
            // Naming a task in review is the "retry" action: it leaves review and is planned again (a remote one, on its host, by the run).
            foreach (var name in names.Except(remoteNames).Where(n => fleet.Current.FindTask(n)!.Phase == TaskPhase.Review))
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

        IReadOnlySet<string>? only = names.Length > 0 ? names.Except(remoteNames).ToHashSet() : null;
        var candidates = plan.Entries.Where(e => e.CanAttempt && (only is null || only.Contains(e.Name))).Select(e => e.Name).ToList();
        // The remote hosts' tasks are judged by the run itself, on their hosts' facts.
        var remoteWork = config.Hosts.Count > 0 && (names.Length == 0 || remoteNames.Count > 0);
        if (candidates.Count == 0 && !remoteWork)
        {
            var why = only is null ? "no task is ready" : string.Join("; ", plan.Entries.Where(e => only.Contains(e.Name)).Select(e => $"{e.Name}: {e.Why}"));
            context.Error.WriteLine($"Nothing to merge: {why}.");
            return only is null && !plan.Entries.Any(e => e.WaitsOnAHuman) ? ExitCodes.Ok : ExitCodes.Failed;
        }

        var what = string.Join(", ", candidates.Concat(remoteNames.Select(n => RemoteTaskName.Find(config, n)!.Qualified)));
        if (names.Length == 0 && remoteWork)
            what = what.Length == 0 ? "the remote hosts' ready tasks" : $"{what} and the remote hosts' ready tasks";
        if (!yes && !Confirm(context, $"Gate and merge {what} into {plan.BaseBranch}?"))
            return ExitCodes.Failed;

        if (await fleet.MergeAsync(names.Length > 0 ? names : null, step => context.Out.WriteLine($"  {step}"), cancellationToken) is not { } report)
        {
            context.Error.WriteLine("fleet merge: the merge did not run (the fleet host is stopping).");
            return ExitCodes.Failed;
        }
        context.Out.WriteLine(Summary(report));
        var leftBehind = plan.Entries.Any(e => (only is null || only.Contains(e.Name)) && e.WaitsOnAHuman && !remoteNames.Contains(e.Name));
        var remoteMissed = remoteNames.Any(n => !report.Merged.Contains(RemoteTaskName.Find(config, n)!.Qualified));
        return report.Succeeded && !leftBehind && !remoteMissed ? ExitCodes.Ok : ExitCodes.Failed;
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

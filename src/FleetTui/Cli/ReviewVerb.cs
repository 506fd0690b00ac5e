using System.CommandLine;
using FleetTui.Core.Merging;
using FleetTui.Core.Session;

namespace FleetTui.Cli;

/// <summary><c>fleet review [--retry &lt;task&gt;] [--accept-scope &lt;task&gt;]</c>: what waits on a human before it can merge.</summary>
public static class ReviewVerb
{
    public static Command Create(CliContext context)
    {
        var retry = new Option<string?>("--retry") { Description = "Take a task out of review so the next `fleet merge` tries it again (after its agent rebased or merged the base)." };
        var acceptScope = new Option<string?>("--accept-scope") { Description = "Accept a task's files outside its scope, so scope_enforcement = \"block\" lets it merge." };
        var command = new Command("review",
            "List the tasks in review with their conflicting paths (and tasks blocked by files outside their scope). " +
            "A task leaves review with --retry, or by being named in `fleet merge <task>`.")
        {
            retry, acceptScope,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            // Listing only looks: the session writes nothing unless a task is retried or accepted.
            var listing = parse.GetValue(retry) is null && parse.GetValue(acceptScope) is null;
            var (fleet, exit) = await FleetWorkspace.OpenAsync(context, cancellationToken, readOnly: listing);
            if (fleet is null)
                return exit;
            await using (fleet)
            {
                if (parse.GetValue(retry) is { } toRetry)
                    return FleetWorkspace.Report(context, fleet.Current.FindTask(toRetry)?.Phase == TaskPhase.Review
                        ? await fleet.SendAsync(new SessionCommand.SetPhase(toRetry, TaskPhase.Done, "retrying the merge"))
                        : CommandResult.Failed($"Task '{toRetry}' is not in review."));
                if (parse.GetValue(acceptScope) is { } toAccept)
                    return FleetWorkspace.Report(context, await fleet.SendAsync(new SessionCommand.AcceptScope(toAccept)) is { Succeeded: true }
                        ? CommandResult.Ok($"Accepted the out-of-scope files of '{toAccept}'.")
                        : CommandResult.Failed($"Task '{toAccept}' has not been created yet."));

                await fleet.SendAsync(new SessionCommand.RefreshStatus());
                var plan = MergePlanner.PlanFor(fleet.Current);
                var waiting = plan.Entries.Where(e => e.Readiness is MergeReadiness.InReview or MergeReadiness.OutOfScope).ToList();
                if (waiting.Count == 0)
                {
                    context.Out.WriteLine("No task in review.");
                    return ExitCodes.Ok;
                }
                foreach (var entry in waiting)
                {
                    context.Out.WriteLine($"{entry.Name}: {entry.Why}");
                    var paths = entry.Readiness switch
                    {
                        MergeReadiness.InReview review => review.Paths,
                        MergeReadiness.OutOfScope scope => scope.Files,
                        _ => [],
                    };
                    foreach (var path in paths)
                        context.Out.WriteLine($"    {path}");
                }
                return ExitCodes.Ok;
            }
        });
        return command;
    }
}

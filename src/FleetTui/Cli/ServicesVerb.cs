using System.CommandLine;
using FleetTui.Cli.Access;
using FleetTui.Hosting;

namespace FleetTui.Cli;

/// <summary>
/// <c>fleet services start|stop|restart &lt;task&gt; [&lt;service&gt;]</c>: a task's dev servers run in the fleet host (like its agent),
/// so start and restart start the host when none runs; <c>fleet ps</c> shows their state.
/// </summary>
public static class ServicesVerb
{
    private static readonly string[] Actions = ["start", "stop", "restart"];

    public static Command Create(CliContext context)
    {
        var action = new Argument<string>("action") { Description = "start, stop or restart." };
        action.AcceptOnlyFromAmong(Actions);
        var task = new Argument<string>("task") { Description = "The task whose services to act on." };
        var service = new Argument<string?>("service") { Description = "One service ([services.<name>]); default: all of the task's.", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("services",
            "Start, stop or restart a task's services ([services.<name>] in fleet.toml): each runs in the task's worktree on its own " +
            "terminal in the fleet host, on the task's ports; `fleet ps` lists their URLs and states.")
        {
            action, task, service,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var verb = parse.GetValue(action)!;
            if (verb != "stop")
            {
                // Services live in the host: make sure one runs (as `fleet` does) before asking it.
                if (await FleetWorkspace.ReadRepositoryAsync(context, "fleet services", cancellationToken) is not { } repository)
                    return ExitCodes.NoRepository;
                await using var started = await FleetHostLauncher.ConnectAsync(repository, start: true, context.Error, cancellationToken);
                if (started is null)
                    return ExitCodes.Failed;
            }

            var (fleet, exit) = await FleetWorkspace.OpenAsync(context, cancellationToken);
            if (fleet is null)
                return exit;
            await using (fleet)
            {
                if (fleet is not HostFleetAccess host)
                {
                    context.Out.WriteLine("No fleet host runs for this repository, so no service runs.");
                    return ExitCodes.Ok;
                }

                return FleetWorkspace.Report(context, await host.ControlServicesAsync(parse.GetValue(task)!, parse.GetValue(service), verb));
            }
        });
        return command;
    }
}

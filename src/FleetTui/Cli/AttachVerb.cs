using System.CommandLine;
using FleetTui.Ui.Cockpit;

namespace FleetTui.Cli;

/// <summary>
/// <c>fleet attach [--read-only]</c> and <c>fleet watch</c>: the cockpit on the repository's running fleet host, never
/// starting one. A read-only cockpit shows everything and sends nothing to the agents.
/// </summary>
public static class AttachVerb
{
    public static Command Create(CliContext context)
    {
        var readOnly = new Option<bool>("--read-only") { Description = "Watch only: keys never reach the agents and nothing changes." };
        var command = new Command("attach", "Open the cockpit on this repository's running fleet host (never starts one).") { readOnly };
        command.SetAction((parse, cancellationToken) =>
            CockpitRunner.RunAsync(context.WorkingDirectory, null, context, new CockpitOptions(AttachOnly: true, ReadOnly: parse.GetValue(readOnly)), cancellationToken));
        return command;
    }

    public static Command CreateWatch(CliContext context)
    {
        var command = new Command("watch", "Watch this repository's running fleet (fleet attach --read-only).");
        command.SetAction((_, cancellationToken) =>
            CockpitRunner.RunAsync(context.WorkingDirectory, null, context, new CockpitOptions(AttachOnly: true, ReadOnly: true), cancellationToken));
        return command;
    }
}

using System.CommandLine;
using System.Diagnostics;
using FleetTui.Core.Review;

namespace FleetTui.Cli;

/// <summary>
/// <c>fleet diff &lt;task&gt;</c>: the task's committed work against its merge base, the same diff the cockpit's review
/// view shows; coloured and paged (<c>$PAGER</c>, else <c>less -R</c>) when stdout is a terminal.
/// </summary>
public static class DiffVerb
{
    public static Command Create(CliContext context)
    {
        var name = new Argument<string>("task") { Description = "The task whose work to show." };
        var noPager = new Option<bool>("--no-pager") { Description = "Print straight to stdout even on a terminal." };
        var command = new Command("diff", "Show a task's committed work against the point where it left its base (what a review looks at).") { name, noPager };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var (fleet, exit) = await FleetWorkspace.OpenAsync(context, cancellationToken);
            if (fleet is null)
                return exit;
            await using (fleet)
            {
                var task = parse.GetValue(name)!;
                if (fleet.Current.FindTask(task) is null)
                {
                    context.Error.WriteLine($"fleet diff: no task named '{task}'.");
                    return ExitCodes.Usage;
                }
                if (await fleet.ReadDiffAsync(task, cancellationToken) is not { } diff)
                {
                    context.Error.WriteLine($"fleet diff: {task} has no branch to compare with its base yet.");
                    return ExitCodes.Failed;
                }
                var terminal = context.Out == Console.Out && !Console.IsOutputRedirected;
                var text = DiffText.Render(diff, color: terminal && string.IsNullOrEmpty(context.Variable("NO_COLOR")));
                if (terminal && !parse.GetValue(noPager) && await PageAsync(context, text))
                    return ExitCodes.Ok;
                await context.Out.WriteAsync(text);
                return ExitCodes.Ok;
            }
        });
        return command;
    }

    /// <summary>Shows the text through the user's pager (a command they wrote, run as written), or <c>less -R</c>; false when neither runs.</summary>
    private static async Task<bool> PageAsync(CliContext context, string text)
    {
        var pager = context.Variable("PAGER");
        var start = string.IsNullOrWhiteSpace(pager)
            ? new ProcessStartInfo("less") { ArgumentList = { "-R", "-F", "-X" } }
            : new ProcessStartInfo("/bin/sh") { ArgumentList = { "-c", pager } };
        start.RedirectStandardInput = true;
        start.Environment["LESS"] = context.Variable("LESS") ?? "FRX";
        try
        {
            using var process = Process.Start(start)!;
            try
            {
                await process.StandardInput.WriteAsync(text);
                process.StandardInput.Close();
            }
            catch (IOException)
            {
                // The user quit the pager before reading it all.
            }
            await process.WaitForExitAsync();
            return true;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}

using System.CommandLine;
using FleetTui.Demo;

namespace FleetTui.Cli;

/// <summary>
/// <c>fleet demo [--dir DIR] [--no-ui] [--keep]</c>: builds the sample shop repository with its five-task fleet and opens the cockpit
/// on it; without a cockpit (or with <c>--no-ui</c>) prints the fleet and where it lives. A temporary repository is removed on exit
/// unless <c>--keep</c>; one made under <c>--dir</c> is always kept.
/// </summary>
public static class DemoVerb
{
    /// <param name="openCockpit">
    /// The seam for the TUI: opens the cockpit on the demo repository and returns the exit code. Null (until the cockpit lands)
    /// prints the fleet instead.
    /// </param>
    public static Command Create(CliContext context, Func<DemoRepository, CancellationToken, Task<int>>? openCockpit = null)
    {
        var dir = new Option<string?>("--dir") { Description = "Create the demo under DIR (DIR/shop) and keep it." };
        var noUi = new Option<bool>("--no-ui") { Description = "Print the demo fleet instead of opening the cockpit." };
        var keep = new Option<bool>("--keep") { Description = "Keep the temporary repository on exit." };
        var command = new Command("demo", "Create a throwaway repository with a sample fleet of scripted agents and open the cockpit on it.")
        {
            dir, noUi, keep,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            DemoRepository repository;
            try
            {
                var agent = DemoAgentCommand.Resolve();
                repository = parseResult.GetValue(dir) is { } root
                    ? await DemoRepository.CreateInAsync(Path.GetFullPath(root, context.WorkingDirectory), agent)
                    : await DemoRepository.CreateInTempAsync(agent);
            }
            catch (Exception error) when (error is IOException or InvalidOperationException or UnauthorizedAccessException)
            {
                await context.Error.WriteLineAsync($"fleet demo: {error.Message}");
                return ExitCodes.Failed;
            }

            using (repository)
            {
                if (parseResult.GetValue(keep))
                    repository.Keep();
                await context.Out.WriteLineAsync($"Demo fleet ready in {repository.RepositoryPath}");
                if (openCockpit is not null && !parseResult.GetValue(noUi))
                    return await openCockpit(repository, cancellationToken);

                return await PrintFleetAsync(context, repository);
            }
        });
        return command;
    }

    /// <summary>The demo without a cockpit: the fleet's table and where the repository lives (or that it is being removed).</summary>
    internal static async Task<int> PrintFleetAsync(CliContext context, DemoRepository repository)
    {
        await context.Out.WriteLineAsync();
        await context.Out.WriteAsync(DemoFleetTable.Render());
        await context.Out.WriteLineAsync();
        await context.Out.WriteLineAsync(repository.Owned
            ? $"Removing it now (pass --keep to keep it and explore: cd {repository.RepositoryPath})."
            : $"Kept: cd {repository.RepositoryPath}");
        return ExitCodes.Ok;
    }
}

using System.CommandLine;
using FleetTui.Demo;
using FleetTui.Ui.Cockpit;

namespace FleetTui.Cli;

/// <summary>
/// <c>fleet up [--theme NAME|FILE]</c>, also what <c>fleet</c> with no verb does: opens the cockpit on the fleet of the
/// repository containing the current directory.
/// </summary>
public static class UpVerb
{
    private static Option<string?> ThemeOption() =>
        new("--theme") { Description = "Color theme: default, light, high-contrast, a name under ~/.config/fleet/themes, or a .toml file." };

    public static Command Create(CliContext context)
    {
        var theme = ThemeOption();
        var command = new Command("up", "Open the cockpit on this repository's fleet (the default when no verb is given).") { theme };
        command.SetAction((parseResult, cancellationToken) =>
            CockpitRunner.RunAsync(context.WorkingDirectory, parseResult.GetValue(theme), context, cancellationToken));
        return command;
    }

    /// <summary>Makes <c>fleet</c> alone open the cockpit (with the same <c>--theme</c> option).</summary>
    public static void AttachToRoot(RootCommand root, CliContext context)
    {
        var theme = ThemeOption();
        root.Options.Add(theme);
        root.SetAction((parseResult, cancellationToken) =>
            CockpitRunner.RunAsync(context.WorkingDirectory, parseResult.GetValue(theme), context, cancellationToken));
    }

    /// <summary>The demo verb's seam: the cockpit on the freshly made demo repository.</summary>
    /// <remarks>Without a terminal (piped, in a test host) it prints the fleet, as the demo did before the cockpit existed.</remarks>
    public static Func<DemoRepository, CancellationToken, Task<int>> OpenDemo(CliContext context) =>
        async (repository, cancellationToken) =>
        {
            if (CockpitRunner.HasTerminal)
            {
                // Agents left running in the demo's repository must find it there when the user attaches again.
                var options = new CockpitOptions(OnExit: exit =>
                {
                    if (exit == CockpitExit.Detached)
                        repository.Keep();
                });
                return await CockpitRunner.RunAsync(repository.RepositoryPath, null, context, options, cancellationToken);
            }
            return await DemoVerb.PrintFleetAsync(context, repository);
        };
}

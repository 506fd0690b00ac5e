using System.CommandLine;
using FleetTui.Demo;

namespace FleetTui.Cli;

/// <summary>
/// <c>fleet demo-agent &lt;task&gt; [--speed N] [--exit-when-done] [--auto-approve]</c>: the scripted agent the demo fleet runs in each
/// task's worktree. Hidden from <c>--help</c>: users meet it through <c>fleet demo</c>.
/// </summary>
public static class DemoAgentVerb
{
    public static Command Create(CliContext context)
    {
        var task = new Argument<string>("task") { Description = $"The demo task to play: {string.Join(", ", DemoScripts.All.Select(s => s.Task))}." };
        var speed = new Option<double>("--speed")
        {
            Description = "Run N times faster (10 = ten times).",
            DefaultValueFactory = _ => 1.0,
        };
        speed.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<double>() is <= 0 or double.NaN or double.PositiveInfinity)
                result.AddError("--speed must be a positive number.");
        });
        var exitWhenDone = new Option<bool>("--exit-when-done") { Description = "Exit 0 when the script is done instead of idling." };
        var autoApprove = new Option<bool>("--auto-approve") { Description = "Approve the edit prompt without a key after a moment." };
        var command = new Command("demo-agent", "A scripted stand-in for an AI coding agent (used by `fleet demo`).")
        {
            task, speed, exitWhenDone, autoApprove,
        };
        command.Hidden = true;
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var name = parseResult.GetValue(task)!;
            if (DemoScripts.For(name) is not { } script)
            {
                await context.Error.WriteLineAsync($"fleet demo-agent: unknown task '{name}' (known: {string.Join(", ", DemoScripts.All.Select(s => s.Task))})");
                return ExitCodes.Usage;
            }
            var options = new DemoAgentOptions
            {
                Speed = parseResult.GetValue(speed),
                ExitWhenDone = parseResult.GetValue(exitWhenDone),
                AutoApprove = parseResult.GetValue(autoApprove),
            };
            using var input = new ConsoleAgentInput();
            var agent = new DemoAgent(script, new DemoWorkspace(context.WorkingDirectory), options, context.Out, input.Reader, ConsoleAgentInput.Width, ConsoleAgentInput.Height);
            try
            {
                return await agent.RunAsync(cancellationToken);
            }
            catch (InvalidOperationException error)
            {
                await context.Error.WriteLineAsync($"fleet demo-agent: {error.Message}");
                return ExitCodes.Failed;
            }
        });
        return command;
    }
}

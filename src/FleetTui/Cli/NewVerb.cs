using System.CommandLine;
using FleetTui.Core.Session;

namespace FleetTui.Cli;

/// <summary><c>fleet new &lt;task&gt;</c>: declares a task outside fleet.toml and creates its worktree (setup included); <c>fleet new --ticket FILE</c> adds a ticket's task to fleet.toml (<see cref="NewTicketTask"/>).</summary>
public static class NewVerb
{
    public static Command Create(CliContext context)
    {
        var name = new Argument<string?>("task")
        {
            Description = "Task name: a-z, 0-9, '.', '_', '-' (it becomes a folder, a branch and a database name). Optional with --ticket.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var ticket = new Option<string?>("--ticket")
        {
            Description = "Create the task from a ticket file: added to fleet.toml, named after the file, depends_on and agent from its front matter.",
        };
        var baseOption = new Option<string[]>("--base")
        {
            Description = "Branch (or another task, to stack on it) to start from. Default: the fleet's base. " +
                "For another repository the task spans: --base <repo>=<branch> (repeatable). Default there: that repository's base.",
        };
        var repos = new Option<string[]>("--repo")
        {
            Description = "Another repository ([repos.<name>] in fleet.toml) the task spans: a worktree there too, same branch (repeatable).",
        };
        var dependsOn = new Option<string[]>("--depends-on") { Description = "Tasks that must merge before this one (repeatable).", AllowMultipleArgumentsPerToken = true };
        var agent = new Option<string?>("--agent") { Description = "Agent preset (claude, codex, aider, gemini, shell, or one from [agents.<name>]). Default: the fleet's." };
        var branch = new Option<string?>("--branch") { Description = "Branch name. Default: fleet/<task>." };
        var ports = new Option<string[]>("--port")
        {
            Description = "A named port to allocate (repeatable). Default: the port names every fleet.toml task declares.",
            AllowMultipleArgumentsPerToken = true,
        };
        var command = new Command("new",
            "Add a task to the fleet (kept in the session state, not in fleet.toml) and create its worktree on a new branch, " +
            "with ports, copied/linked files and the [setup] command. Validates the name and branch like fleet.toml's [[task]].")
        {
            name, baseOption, dependsOn, agent, branch, ports, ticket, repos,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (parse.GetValue(ticket) is { } ticketFile)
            {
                if (parse.GetValue(baseOption) is { Length: > 0 } || parse.GetValue(branch) is not null
                    || parse.GetValue(dependsOn) is { Length: > 0 } || parse.GetValue(ports) is { Length: > 0 } || parse.GetValue(repos) is { Length: > 0 })
                {
                    context.Error.WriteLine("fleet new: --ticket takes depends_on from the ticket's front matter; --base, --branch, --depends-on, --port and --repo go in fleet.toml");
                    return ExitCodes.Usage;
                }
                return await NewTicketTask.RunAsync(context, ticketFile, parse.GetValue(name), parse.GetValue(agent), cancellationToken);
            }
            if (parse.GetValue(name) is null)
            {
                context.Error.WriteLine("fleet new: name the task (or give --ticket FILE)");
                return ExitCodes.Usage;
            }

            var repoNames = parse.GetValue(repos) ?? [];
            if (NewTaskBases.Split(parse.GetValue(baseOption) ?? [], repoNames) is not { } bases)
            {
                context.Error.WriteLine("fleet new: give --base once for this repository, and --base <repo>=<branch> once per repository given with --repo");
                return ExitCodes.Usage;
            }

            var (fleet, exit) = await FleetWorkspace.OpenAsync(context, cancellationToken);
            if (fleet is null)
                return exit;
            await using (fleet)
            {
                // A task declared in fleet.toml that has no worktree yet: `fleet new <it>` creates it as declared.
                if (fleet.Current.FindTask(parse.GetValue(name)!) is { Phase: TaskPhase.Pending or TaskPhase.Blocked } declared && declared.Origin == TaskOrigin.Config
                    && parse.GetValue(branch) is null && parse.GetValue(baseOption) is not { Length: > 0 } && parse.GetValue(agent) is null
                    && parse.GetValue(dependsOn) is not { Length: > 0 } && parse.GetValue(ports) is not { Length: > 0 } && repoNames.Length == 0)
                    return FleetWorkspace.Report(context, await fleet.SendAsync(new SessionCommand.CreateTask(declared.Name)));
                var result = await fleet.SendAsync(new SessionCommand.NewTask(
                    parse.GetValue(name)!, parse.GetValue(branch), bases.ThisRepository, parse.GetValue(dependsOn) ?? [], parse.GetValue(agent),
                    parse.GetValue(ports) is { Length: > 0 } named ? named : null, repoNames.Length > 0 ? repoNames : null,
                    bases.Repos.Count > 0 ? bases.Repos : null));
                if (!result.Succeeded && fleet.Current.FindTask(parse.GetValue(name)!) is { Phase: TaskPhase.SetupFailed, SetupLog: { } log })
                    context.Error.WriteLine($"The worktree was kept for inspection; setup log: {log}");
                return FleetWorkspace.Report(context, result);
            }
        });
        return command;
    }
}

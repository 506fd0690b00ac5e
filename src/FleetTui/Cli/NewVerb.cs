using System.CommandLine;
using FleetTui.Core.Session;
using FleetTui.Host.Remote;

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
        var host = new Option<string?>("--host") { Description = "Create the task on a remote host ([hosts.<name>] in fleet.toml): its worktree, setup and agent live there." };
        var command = new Command("new",
            "Add a task to the fleet (kept in the session state, not in fleet.toml) and create its worktree on a new branch, " +
            "with ports, copied/linked files and the [setup] command. Validates the name and branch like fleet.toml's [[task]].")
        {
            name, baseOption, dependsOn, agent, branch, ports, ticket, host, repos,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (parse.GetValue(ticket) is { } ticketFile)
            {
                if (parse.GetValue(baseOption) is { Length: > 0 } || parse.GetValue(branch) is not null || parse.GetValue(host) is not null
                    || parse.GetValue(dependsOn) is { Length: > 0 } || parse.GetValue(ports) is { Length: > 0 } || parse.GetValue(repos) is { Length: > 0 })
                {
                    context.Error.WriteLine("fleet new: --ticket takes depends_on from the ticket's front matter; --base, --branch, --depends-on, --port, --host and --repo go in fleet.toml");
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

            var (fleet, exit, declaredHere) = await OpenWhereTheTaskLivesAsync(context, parse.GetValue(name)!, parse.GetValue(host), cancellationToken);
            if (fleet is null)
                return exit;
            await using (fleet)
            {
                // A task declared in fleet.toml that has no worktree yet: `fleet new <it>` creates it as declared.
                if (fleet.Current.FindTask(parse.GetValue(name)!) is { Phase: TaskPhase.Pending or TaskPhase.Blocked } declared && declared.Origin == TaskOrigin.Config
                    && parse.GetValue(branch) is null && parse.GetValue(baseOption) is not { Length: > 0 } && parse.GetValue(agent) is null
                    && parse.GetValue(dependsOn) is not { Length: > 0 } && parse.GetValue(ports) is not { Length: > 0 } && repoNames.Length == 0)
                {
                    var created = await fleet.SendAsync(new SessionCommand.CreateTask(declared.Name));
                    if (created.Succeeded && fleet is Access.HostFleetAccess { IsRemote: true } declaredRemote)
                        await ReportRemoteAgentAsync(context, declaredRemote, declared.Name, cancellationToken);
                    return FleetWorkspace.Report(context, created);
                }
                // A task this fleet.toml declares on a remote host whose clone does not declare it (yet): made there as declared here.
                var result = await fleet.SendAsync(new SessionCommand.NewTask(
                    parse.GetValue(name)!, parse.GetValue(branch) ?? declaredHere?.Branch, bases.ThisRepository ?? declaredHere?.Base,
                    parse.GetValue(dependsOn) ?? [], parse.GetValue(agent) ?? declaredHere?.Agent,
                    parse.GetValue(ports) is { Length: > 0 } named ? named : declaredHere?.Ports, repoNames.Length > 0 ? repoNames : null,
                    bases.Repos.Count > 0 ? bases.Repos : null));
                if (!result.Succeeded && fleet.Current.FindTask(parse.GetValue(name)!) is { Phase: TaskPhase.SetupFailed, SetupLog: { } log })
                    context.Error.WriteLine($"The worktree was kept for inspection; setup log: {log}");
                var exitCode = FleetWorkspace.Report(context, result);
                if (result.Succeeded && fleet is Access.HostFleetAccess { IsRemote: true } remote)
                    await ReportRemoteAgentAsync(context, remote, parse.GetValue(name)!, cancellationToken);
                return exitCode;
            }
        });
        return command;
    }

    /// <summary>
    /// A remote host starts the task's agent as soon as the task is made; the verb stays connected until it runs (a
    /// host whose last client left with no agent running would stop) and says where it runs.
    /// </summary>
    private static async Task ReportRemoteAgentAsync(CliContext context, Access.HostFleetAccess remote, string task, CancellationToken cancellationToken)
    {
        if (await FleetTui.Host.Remote.RunningAgentPoll.PidAsync(remote.StatusAsync, task, TimeSpan.FromSeconds(20), cancellationToken) is { } pid)
        {
            context.Out.WriteLine($"Its agent runs on host '{remote.RemoteHost}' (pid {pid}); it goes on when this connection ends.");
            return;
        }
        context.Error.WriteLine($"The task was made on host '{remote.RemoteHost}', but its agent did not start within 20 s; `fleet ps` shows its state.");
    }

    /// <summary>
    /// The fleet that owns the new task: a remote host's (<c>--host</c>, or the host fleet.toml declares the task on),
    /// else this repository's. A remote task touches nothing local.
    /// </summary>
    private static async Task<(Access.IFleetAccess? Fleet, int ExitCode, RemoteTaskDeclaration? DeclaredHere)> OpenWhereTheTaskLivesAsync(
        CliContext context, string task, string? hostOption, CancellationToken cancellationToken)
    {
        if (await FleetWorkspace.ReadRepositoryAsync(context, "fleet new", cancellationToken) is not { } repository)
            return (null, ExitCodes.NoRepository, null);
        Core.Config.FleetConfig config;
        try
        {
            config = FleetWorkspace.LoadConfig(repository.Root);
        }
        catch (Core.Config.ConfigException error)
        {
            await context.Error.WriteLineAsync(error.Message);
            return (null, ExitCodes.BadConfig, null);
        }
        var declaredOn = config.FindTask(task)?.Host;
        if (hostOption is not null && config.FindTask(task) is { } declared && declaredOn != hostOption)
        {
            var where = declaredOn is null ? "this machine" : $"host '{declaredOn}'";
            await context.Error.WriteLineAsync($"fleet new: task '{task}' is declared in fleet.toml (line {declared.Position.Line}) on {where}, not on '{hostOption}'; " +
                "change its host there or drop --host");
            return (null, ExitCodes.Usage, null);
        }
        if ((hostOption ?? declaredOn) is not { } hostName)
        {
            var (local, exit) = await FleetWorkspace.OpenAsync(context, cancellationToken);
            return (local, exit, null);
        }
        var (remote, remoteExit) = await Remote.RemoteWorkspace.OpenAsync(context, repository, config, hostName, cancellationToken);
        RemoteTaskDeclaration? declaration = null;
        if (remote is not null && config.FindTask(task) is { } here)
        {
            try
            {
                var pusher = new FleetTui.Host.Remote.RemoteBasePusher(FleetTui.Host.Remote.SshSettings.FromEnvironment(context.Variable), FleetWorkspace.GitFor(context));
                declaration = await RemoteTaskDeclaration.PrepareAsync(
                    here, config, repository.Root, config.Fleet.Base ?? repository.CurrentBranch ?? "main", pusher, cancellationToken);
            }
            catch (FleetTui.Host.Remote.RemoteHostException error)
            {
                await remote.DisposeAsync();
                await context.Error.WriteLineAsync($"fleet new: {error.Message}");
                return (null, ExitCodes.Failed, null);
            }
        }
        return (remote, remoteExit, declaration);
    }
}

using System.Text;
using FleetTui.Core.Config;

namespace FleetTui.Core.Agents;

/// <summary>
/// Turns a task and its fleet into an <see cref="AgentLaunchPlan"/>: argv expanded element by element (never through a
/// shell), the environment layered fleet → agent → task over our FLEET_* values, and the ticket handed over as the
/// preset says. Checks up front what would otherwise make the pane flash and die: an unknown agent, a missing ticket, a
/// command that is not installed.
/// </summary>
public static class AgentLaunchPlanner
{
    /// <summary>Where the <c>file</c> handover puts the ticket, relative to the worktree (excluded from git, never committed).</summary>
    public const string TicketFileName = ".fleet/ticket.md";

    /// <summary>Linux refuses a single argv element over 128 KiB (MAX_ARG_STRLEN); stay clear of it.</summary>
    public const int MaxArgumentBytes = 120 * 1024;

    public static AgentLaunchResult Plan(AgentLaunchRequest request)
    {
        var (config, task, values) = (request.Config, request.Task, request.Values);
        var agentRef = task.Agent ?? config.Fleet.Agent;
        AgentConfig agent;
        string? preset = null;
        switch (agentRef)
        {
            case AgentRef.PresetRef named:
                if (!config.Agents.TryGetValue(named.Name, out agent!) && !AgentPresets.BuiltIn.TryGetValue(named.Name, out agent!))
                    return Fail(AgentLaunchFailure.UnknownAgent, $"task '{task.Name}': unknown agent '{named.Name}'");
                preset = named.Name;
                break;
            case AgentRef.CommandRef own:
                // A task's own program may not take a prompt argument; a file (FLEET_TICKET) reaches any program.
                agent = new AgentConfig { Name = task.Name, Command = own.Argv, Handover = TicketHandover.File };
                break;
            default:
                throw new InvalidOperationException($"unexpected agent reference {agentRef}");
        }

        string? ticketText = null;
        if (!request.Continue)
        {
            var (text, failure) = ReadTicket(config, task, values.Repo);
            if (failure is not null)
                return failure;
            ticketText = text;
        }

        List<string> argv;
        Dictionary<string, string> environment;
        try
        {
            argv = [.. AgentPresets.ResolveShell(agent.Command.Select(a => TemplateExpander.Expand(a, values)).ToList(), request.UserShell)];
            environment = new Dictionary<string, string>(values.ToEnvironment(), StringComparer.Ordinal);
            foreach (var layer in new[] { config.Fleet.Env, agent.Env, task.Env })
            {
                foreach (var (name, template) in layer)
                    environment[name] = TemplateExpander.Expand(template, values);
            }
        }
        catch (InvalidOperationException e)
        {
            return Fail(AgentLaunchFailure.BadTemplate, $"task '{task.Name}': {e.Message}");
        }

        environment["FLEET_TASK"] = task.Name; // ours: the signal file and hooks depend on it, whatever the env tables say
        if (request.Continue)
            argv.AddRange(agent.ContinueArgs);

        var handover = ticketText is null ? TicketHandover.None : agent.Handover;
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        var excludes = new List<string>();
        string? stdinText = null;
        switch (handover)
        {
            case TicketHandover.Argument:
                if (Encoding.UTF8.GetByteCount(ticketText!) > MaxArgumentBytes)
                {
                    return Fail(AgentLaunchFailure.TicketTooLong,
                        $"task '{task.Name}': the ticket is over {MaxArgumentBytes / 1024} KiB, too long for a command-line argument; set handover = \"file\" for agent '{agent.Name}'");
                }

                argv.AddRange(agent.PromptArgs);
                argv.Add(ticketText!);
                break;
            case TicketHandover.Stdin:
                stdinText = ticketText;
                break;
            case TicketHandover.File:
                var ticketPath = Path.Combine(values.Worktree, TicketFileName);
                files[ticketPath] = ticketText!;
                excludes.Add("/" + Path.GetDirectoryName(TicketFileName) + "/");
                environment["FLEET_TICKET"] = ticketPath;
                break;
        }

        var pathVariable = environment.TryGetValue("PATH", out var ownPath) ? ownPath : request.InheritedPath;
        var executable = argv.Count == 0 ? null : CommandLocator.Resolve(argv[0], pathVariable, values.Worktree);
        if (executable is null)
        {
            var name = argv.Count == 0 ? "(empty command)" : argv[0];
            var tried = name.Contains('/') ? Path.GetFullPath(name, values.Worktree) : $"PATH={pathVariable}";
            return Fail(AgentLaunchFailure.CommandNotFound, $"command not found: {name} (tried {tried}) for task '{task.Name}'");
        }

        return new AgentLaunchResult.Ready(new AgentLaunchPlan
        {
            Task = task.Name,
            Preset = preset,
            Argv = argv,
            Executable = executable,
            Environment = environment,
            WorkingDirectory = values.Worktree,
            Handover = handover,
            TicketText = ticketText,
            StdinText = stdinText,
            Files = files,
            ExcludePatterns = excludes,
            Continues = request.Continue,
            Hints = AgentPresets.HintsFor(preset),
        });
    }

    /// <summary>The fleet's context followed by the task's ticket file or prompt; null text when the task has neither.</summary>
    private static (string? Text, AgentLaunchResult.Failed? Failure) ReadTicket(FleetConfig config, TaskConfig task, string repoRoot)
    {
        var body = task.Prompt;
        if (task.Ticket is { } ticket)
        {
            var full = Path.GetFullPath(ticket, repoRoot);
            if (!File.Exists(full))
                return (null, Fail(AgentLaunchFailure.TicketMissing, $"task '{task.Name}': ticket file not found: {ticket} ({full})"));
            body = File.ReadAllText(full);
        }

        if (body is null)
            return (null, null);
        if (config.Fleet.Context is { } context)
        {
            var full = Path.GetFullPath(context, repoRoot);
            if (!File.Exists(full))
                return (null, Fail(AgentLaunchFailure.TicketMissing, $"task '{task.Name}': context file not found: {context} ({full})"));
            body = File.ReadAllText(full).TrimEnd() + "\n\n---\n\n" + body;
        }

        return (body, null);
    }

    private static AgentLaunchResult.Failed Fail(AgentLaunchFailure reason, string message) => new(reason, message);
}

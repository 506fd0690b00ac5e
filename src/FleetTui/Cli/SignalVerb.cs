using System.CommandLine;
using FleetTui.Core.Agents;
using FleetTui.Core.Config.Validation;
using FleetTui.Core.Git;

namespace FleetTui.Cli;

/// <summary>
/// <c>fleet signal working|waiting|idle|done|started [--task T] [--event E] [--message M] [--repo DIR]</c>: an agent (usually one of its
/// hooks) reports its state. Appends one JSON line to <c>&lt;git-common-dir&gt;/fleet/signals/&lt;task&gt;.jsonl</c>,
/// which the session reads with <see cref="AgentSignalInbox"/>. The task defaults to $FLEET_TASK and the repository
/// to $FLEET_REPO, then the current directory: every agent fleet starts has both set.
/// </summary>
public static class SignalVerb
{
    public static Command Create(CliContext context)
    {
        var state = new Argument<string>("state") { Description = "working, waiting, idle, done, or started (the agent's session began)." };
        state.AcceptOnlyFromAmong("working", "waiting", "idle", "done", "started");
        var task = new Option<string?>("--task") { Description = "The task reporting (default: $FLEET_TASK)." };
        var message = new Option<string?>("--message") { Description = "A short note shown with the state." };
        var hookEvent = new Option<string?>("--event") { Description = "The agent's hook event that reports it (PreToolUse, Stop…), for `fleet explain`." };
        // Codex's notify appends the turn as JSON: accepted, and a side turn (its title generation) is not reported.
        var payload = new Argument<string?>("payload") { Description = "The agent's event payload (Codex notify JSON), optional.", Arity = ArgumentArity.ZeroOrOne };
        var repo = new Option<string?>("--repo") { Description = "A folder inside the repository (default: $FLEET_REPO, then the current folder)." };
        var command = new Command("signal", "Report an agent's state to the fleet (for agent hooks).") { state, payload, task, message, hookEvent, repo };
        command.SetAction(parse => parse.GetValue(payload) is { } json && CodexHooks.IsSideTurn(json) ? ExitCodes.Ok : Run(
            context,
            Enum.Parse<HookSignal>(parse.GetValue(state)!, ignoreCase: true),
            parse.GetValue(task) ?? Environment.GetEnvironmentVariable("FLEET_TASK"),
            parse.GetValue(message),
            parse.GetValue(repo) ?? Environment.GetEnvironmentVariable("FLEET_REPO"),
            parse.GetValue(hookEvent)));
        return command;
    }

    private static int Run(CliContext context, HookSignal state, string? task, string? message, string? repo, string? hookEvent)
    {
        if (string.IsNullOrEmpty(task))
        {
            context.Error.WriteLine("fleet signal: no task: pass --task or run inside a fleet agent (FLEET_TASK is not set)");
            return ExitCodes.Usage;
        }

        if (TaskName.Problem(task) is { } problem)
        {
            context.Error.WriteLine($"fleet signal: invalid task name '{task}': {problem}");
            return ExitCodes.Usage;
        }

        var directory = Path.GetFullPath(string.IsNullOrEmpty(repo) ? "." : repo, context.WorkingDirectory);
        if (!Directory.Exists(directory))
        {
            context.Error.WriteLine($"fleet signal: no such folder: {directory}");
            return ExitCodes.NoRepository;
        }

        var result = FleetWorkspace.GitFor(context).TryRunAsync(directory, ["rev-parse", "--path-format=absolute", "--git-common-dir"]).GetAwaiter().GetResult();
        if (!result.Succeeded)
        {
            context.Error.WriteLine($"fleet signal: not inside a git repository: {directory}");
            return ExitCodes.NoRepository;
        }

        try
        {
            AgentSignalWriter.Append(result.StandardOutput.Trim(), new AgentSignal(DateTimeOffset.UtcNow, task, state, message,
                Environment.GetEnvironmentVariable(AgentSignal.RunVariable) is { Length: > 0 } run ? run : null, hookEvent));
        }
        catch (IOException e)
        {
            context.Error.WriteLine($"fleet signal: {e.Message}");
            return ExitCodes.Failed;
        }

        return ExitCodes.Ok;
    }
}

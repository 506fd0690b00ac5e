using FleetTui.Core.Agents;
using FleetTui.Core.Config;

namespace FleetTui.Cli.Doctor.Checks;

/// <summary>
/// Each agent the fleet uses (its default, its tasks', its <c>[agents.*]</c>), or without a fleet.toml the coding-agent presets:
/// found on PATH, and for the known agents the version they report (<c>--version</c>, argv only, with a short timeout). A missing
/// agent some task runs fails; one only defined, or only a preset, warns.
/// </summary>
public sealed class AgentsCheck(TimeSpan? versionTimeout = null) : IDoctorCheck
{
    private readonly TimeSpan _versionTimeout = versionTimeout ?? TimeSpan.FromSeconds(5);

    /// <summary>
    /// An agent to check and why: who uses it, whether anything would fail without it, and whether its absence is fine anyway
    /// (a preset nobody asked for, when another agent is installed).
    /// </summary>
    private sealed record Use(string Subject, AgentRef Agent, bool Required, List<string> Users, bool Optional = false);

    public async Task<IReadOnlyList<DoctorFinding>> RunAsync(DoctorContext context, CancellationToken cancellationToken)
    {
        if (context.Config is null && !StarterAgentNames.Any(name => context.Machine.FindProgram(name) is not null))
        {
            // One line, not one per preset: nothing asks for any of them in particular.
            return [DoctorFinding.Warn("agents", $"none of {string.Join(", ", StarterAgentNames)} on PATH: every task would open a shell",
                $"install one, e.g. {AgentInstallHints.For(StarterAgentNames.First())}")];
        }

        var checks = Uses(context).Select(use => CheckAsync(context, use, cancellationToken)).ToList();
        return await Task.WhenAll(checks);
    }

    private static IReadOnlyList<Use> Uses(DoctorContext context)
    {
        if (context.Config is not { } config)
        {
            // No fleet to ask: the coding agents fleet knows (one of them is installed), none of them required.
            return StarterAgentNames.Select(name => new Use($"agent {name}", AgentRef.Preset(name), false, [], Optional: true)).ToList();
        }

        var uses = new List<Use>();
        void Add(AgentRef agent, bool required, string user)
        {
            var existing = uses.FirstOrDefault(u => u.Agent.Equals(agent));
            if (existing is null)
            {
                uses.Add(new Use(SubjectFor(agent), agent, required, [user]));
                return;
            }

            existing.Users.Add(user);
            if (required && !existing.Required)
                uses[uses.IndexOf(existing)] = existing with { Required = true };
        }

        Add(config.Fleet.Agent, true, "the fleet's default");
        foreach (var task in config.Tasks.Where(t => t.Agent is not null))
            Add(task.Agent!, true, $"task {task.Name}");
        foreach (var task in context.Tasks.Where(t => t.Agent is not null && t.HasWorktree && config.FindTask(t.Name) is null))
            Add(AgentRef.Preset(task.Agent!), true, $"task {task.Name}");
        foreach (var name in config.Agents.Keys.Where(n => !AgentPresets.BuiltIn.ContainsKey(n)).Order(StringComparer.Ordinal))
            Add(AgentRef.Preset(name), false, $"[agents.{name}]");
        return uses;
    }

    private static IEnumerable<string> StarterAgentNames => Core.Config.Starter.StarterAgent.Candidates;

    private static string SubjectFor(AgentRef agent) => agent switch
    {
        AgentRef.PresetRef preset => $"agent {preset.Name}",
        AgentRef.CommandRef command => $"agent {command.Argv[0]}",
        _ => "agent",
    };

    private async Task<DoctorFinding> CheckAsync(DoctorContext context, Use use, CancellationToken cancellationToken)
    {
        var usedBy = use.Users.Count == 0 ? "" : $" (used by {string.Join(", ", use.Users)})";
        IReadOnlyList<string> argv;
        switch (use.Agent)
        {
            case AgentRef.PresetRef preset:
                var agent = context.Config?.Agents.GetValueOrDefault(preset.Name) ?? AgentPresets.BuiltIn.GetValueOrDefault(preset.Name);
                if (agent is null)
                {
                    return DoctorFinding.Fail(use.Subject, $"no such agent{usedBy}",
                        $"define [agents.{preset.Name}] in fleet.toml, or give the task one of: {string.Join(", ", AgentPresets.BuiltIn.Keys)}");
                }
                argv = AgentPresets.ResolveShell(agent.Command, context.Machine.Variable("SHELL"));
                break;
            case AgentRef.CommandRef command:
                argv = command.Argv;
                break;
            default:
                throw new InvalidOperationException($"unexpected agent reference {use.Agent}");
        }

        var program = argv[0];
        if (program.Contains('{', StringComparison.Ordinal))
            return DoctorFinding.Ok(use.Subject, $"not checked: its program `{program}` is a template, known only per task{usedBy}");
        if (context.Machine.FindProgram(program) is not { } path)
        {
            var message = $"`{program}` not found on PATH{usedBy}";
            if (use.Optional)
                return DoctorFinding.Ok(use.Subject, $"not installed (optional: another agent is; to add it: {AgentInstallHints.For(program)})");
            return use.Required
                ? DoctorFinding.Fail(use.Subject, message, AgentInstallHints.For(program))
                : DoctorFinding.Warn(use.Subject, message, AgentInstallHints.For(program));
        }

        if (!AgentInstallHints.KnownPrograms.Contains(Path.GetFileName(path)))
            return DoctorFinding.Ok(use.Subject, $"{path}{usedBy}");

        var run = await context.Machine.RunAsync(path, ["--version"], _versionTimeout, cancellationToken);
        if (run.TimedOut)
        {
            return DoctorFinding.Warn(use.Subject, $"{path} found, but `--version` gave no answer within {_versionTimeout.TotalSeconds:0.#}s",
                $"run `{path} --version` yourself: it may wait on a first-run question, or its install is broken ({AgentInstallHints.For(program)})");
        }

        if (!run.Succeeded)
        {
            var why = run.StartFailure ?? $"exit code {run.ExitCode}{(run.FirstLine.Length > 0 ? ": " + run.FirstLine : "")}";
            return DoctorFinding.Warn(use.Subject, $"{path} found, but `--version` failed ({why})", $"reinstall it: {AgentInstallHints.For(program)}");
        }

        var version = run.FirstLine.Length > 80 ? run.FirstLine[..80] + "…" : run.FirstLine;
        return DoctorFinding.Ok(use.Subject, $"{version} at {path}{usedBy}");
    }
}

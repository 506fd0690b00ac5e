using System.Text.Json;
using System.Text.Json.Nodes;
using FleetTui.Core.Agents;
using FleetTui.Core.Config;
using FleetTui.Core.Session;
using FleetTui.Ui.Config;

namespace FleetTui.Cli.Doctor.Checks;

/// <summary>
/// Claude Code hooks (<c>[hooks] claude = true</c> in the user config): every task that runs claude and has a worktree has our
/// hooks in its <c>.claude/settings.local.json</c>, one per event <see cref="ClaudeHooksInstaller"/> writes, and the fleet
/// program they call still exists (an upgrade or a moved install would leave them calling nothing).
/// </summary>
public sealed class ClaudeHooksCheck : IDoctorCheck
{
    private const string Subject = "claude hooks";
    private const string Restart = "restart those agents from the cockpit (Ctrl+G r): fleet writes the hooks each time it starts a claude agent";

    public Task<IReadOnlyList<DoctorFinding>> RunAsync(DoctorContext context, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<DoctorFinding>>([Check(context)]);

    private static DoctorFinding Check(DoctorContext context)
    {
        var path = UserConfigLoader.DefaultPath(context.Machine.Variable);
        bool enabled;
        try
        {
            enabled = context.Machine.ReadFile(path) is { } text && UserConfigLoader.Parse(text, path).ClaudeHooks;
        }
        catch (ConfigException error)
        {
            return DoctorFinding.Fail(Subject, $"the user config does not load: {error.Message}", $"correct {path}");
        }

        if (!enabled)
            return DoctorFinding.Ok(Subject, $"off (`[hooks] claude = true` in {path} makes Claude Code report its state to fleet)");
        if (context.Config is not { } config)
            return DoctorFinding.Ok(Subject, "on; no fleet here to check");

        var missing = new List<string>();
        var broken = new List<string>();
        var checkedCount = 0;
        foreach (var task in context.Tasks.Where(t => t.HasWorktree && RunsClaude(config, t) && context.Machine.DirectoryExists(t.Worktree)))
        {
            checkedCount++;
            var settings = Path.Combine(task.Worktree, ClaudeHooksInstaller.SettingsFile);
            switch (Inspect(context.Machine, settings))
            {
                case (false, _):
                    missing.Add(task.Name);
                    break;
                case (true, { } problem):
                    broken.Add($"{task.Name} ({problem})");
                    break;
            }
        }

        if (broken.Count > 0)
            return DoctorFinding.Fail(Subject, $"broken in {string.Join(", ", broken)}", Restart);
        if (missing.Count > 0)
            return DoctorFinding.Warn(Subject, $"on, but not installed in {string.Join(", ", missing)}", Restart);
        return checkedCount == 0
            ? DoctorFinding.Ok(Subject, "on; no task with a worktree runs claude")
            : DoctorFinding.Ok(Subject, $"installed in {(checkedCount == 1 ? "the 1 claude task's worktree" : $"all {checkedCount} claude tasks' worktrees")}");
    }

    /// <summary>The runtime installs hooks when the task's agent is the claude preset (by name, even if [agents.claude] changes it).</summary>
    private static bool RunsClaude(FleetConfig config, TaskState task)
    {
        var agent = task.Agent is { } named ? AgentRef.Preset(named) : config.FindTask(task.Name)?.Agent ?? config.Fleet.Agent;
        return agent is AgentRef.PresetRef { Name: "claude" };
    }

    /// <summary>Whether all our hooks are there, and if so what is wrong with them (null: nothing).</summary>
    private static (bool Installed, string? Problem) Inspect(IMachine machine, string settings)
    {
        if (machine.ReadFile(settings) is not { } text)
            return (false, null);
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            return (true, $"{settings} is not valid JSON: {e.Message}");
        }

        var commands = new List<string>();
        foreach (var (hookEvent, _) in ClaudeHooksInstaller.Events)
        {
            var ours = (root?["hooks"]?[hookEvent] as JsonArray ?? [])
                .SelectMany(group => group?["hooks"] as JsonArray ?? [])
                .Select(hook => hook?["command"] is JsonValue value && value.TryGetValue<string>(out var command) ? command : null)
                .FirstOrDefault(command => command?.EndsWith(ClaudeHooksInstaller.Marker, StringComparison.Ordinal) == true);
            if (ours is null)
                return (false, null);
            commands.Add(ours);
        }

        // The words before "signal" are how the hook runs fleet, e.g. '/opt/fleet/fleet' or 'dotnet' '/opt/fleet/fleet.dll'.
        var missingFiles = commands.SelectMany(FleetWords).Where(word => word.Contains('/', StringComparison.Ordinal) && !machine.FileExists(word)).Distinct().ToList();
        return missingFiles.Count == 0 ? (true, null) : (true, $"they call {string.Join(", ", missingFiles)}, which no longer exists");
    }

    /// <summary>The single-quoted words <see cref="ClaudeHooksInstaller.Command"/> wrote before <c>signal</c>, unquoted.</summary>
    private static IEnumerable<string> FleetWords(string command)
    {
        var words = new List<string>();
        var index = 0;
        while (index < command.Length && command[index] == '\'')
        {
            var word = new System.Text.StringBuilder();
            // POSIX quoting as TemplateExpander.ShellQuote writes it: 'it'\''s' is it's.
            while (true)
            {
                var close = command.IndexOf('\'', index + 1);
                if (close < 0)
                    return words;
                word.Append(command, index + 1, close - index - 1);
                index = close + 1;
                if (command.AsSpan(index).StartsWith("\\''"))
                {
                    word.Append('\'');
                    index += 2;
                    continue;
                }

                break;
            }

            words.Add(word.ToString());
            while (index < command.Length && command[index] == ' ')
                index++;
        }

        return words;
    }
}

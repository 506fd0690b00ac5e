using FleetTui.Core.Agents;

namespace FleetTui.Core.Config.Sections;

/// <summary>Reads <c>[agents.&lt;name&gt;]</c>: each overrides the keys it sets on a built-in preset, or defines a new agent.</summary>
public static class AgentSectionReader
{
    private static readonly Dictionary<string, TicketHandover> HandoverChoices = new()
    {
        ["none"] = TicketHandover.None,
        ["argument"] = TicketHandover.Argument,
        ["stdin"] = TicketHandover.Stdin,
        ["file"] = TicketHandover.File,
    };

    /// <summary>The built-in presets merged with the <c>[agents]</c> table (null when the file has none).</summary>
    public static IReadOnlyDictionary<string, AgentConfig> ReadAll(TableReader top)
    {
        var agents = new Dictionary<string, AgentConfig>(AgentPresets.BuiltIn, StringComparer.Ordinal);
        if (top.SubTable("agents") is not { } table)
            return agents;
        foreach (var entry in table.Entries)
        {
            if (entry.Value is not Toml.TomlTableNode agentTable)
                throw top.Error(entry.Value.Position, $"'agents.{entry.Key}' must be a table (write [agents.{entry.Key}]), not {entry.Value.Description}");
            if (Validation.TaskName.Problem(entry.Key) is { } problem)
                throw top.Error(entry.KeyPosition, $"invalid agent name '{entry.Key}': {problem}");
            var reader = new TableReader(agentTable, $"[agents.{entry.Key}]", top.DisplayName);
            agents[entry.Key] = Read(reader, entry.Key, agents.GetValueOrDefault(entry.Key));
        }

        return agents;
    }

    private static AgentConfig Read(TableReader agent, string name, AgentConfig? builtIn)
    {
        agent.RejectUnknownKeys(ConfigSchema.AgentKeys);
        var command = agent.Argv("command") ?? builtIn?.Command
            ?? throw agent.Error(agent.Table.Position, $"[agents.{name}] needs 'command' (an argv array such as [\"my-agent\", \"--flag\"]); '{name}' is not a built-in preset");
        return new AgentConfig
        {
            Name = name,
            Command = command,
            Handover = agent.Choice("handover", HandoverChoices) ?? builtIn?.Handover ?? TicketHandover.None,
            PromptArgs = agent.StringArray("prompt_args") ?? builtIn?.PromptArgs ?? [],
            ContinueArgs = agent.StringArray("continue_args") ?? builtIn?.ContinueArgs ?? [],
            Env = agent.EnvTable("env") ?? builtIn?.Env ?? new Dictionary<string, string>(),
            Hooks = agent.Boolean("hooks") ?? builtIn?.Hooks,
            TrustWorktrees = agent.Boolean("trust_worktrees") ?? builtIn?.TrustWorktrees ?? false,
        };
    }
}

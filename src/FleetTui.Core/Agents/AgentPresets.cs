using FleetTui.Core.Config;

namespace FleetTui.Core.Agents;

/// <summary>
/// The agents FleetTui knows out of the box. <c>[agents.&lt;name&gt;]</c> in fleet.toml overrides any key of these, or adds new ones.
/// </summary>
public static class AgentPresets
{
    /// <summary>
    /// The program of the <c>shell</c> preset: replaced at start by the user's <c>$SHELL</c> (or <c>sh</c>), see <see cref="ResolveShell"/>.
    /// Kept symbolic so a config loaded on one machine does not bake in another's shell.
    /// </summary>
    public const string ShellProgram = "$SHELL";

    public static readonly AgentConfig Claude = new()
    {
        Name = "claude",
        Command = ["claude"],
        Handover = TicketHandover.Argument, // `claude "<prompt>"` starts an interactive session with that first message
        ContinueArgs = ["--continue"],
    };

    public static readonly AgentConfig Codex = new()
    {
        Name = "codex",
        Command = ["codex"],
        Handover = TicketHandover.Argument, // `codex "<prompt>"` is interactive too
        ContinueArgs = ["resume", "--last"],
    };

    public static readonly AgentConfig Aider = new()
    {
        Name = "aider",
        Command = ["aider"],
        // aider's --message/--message-file send one message and exit; typing the ticket keeps the session interactive.
        Handover = TicketHandover.Stdin,
    };

    public static readonly AgentConfig Gemini = new()
    {
        Name = "gemini",
        Command = ["gemini"],
        Handover = TicketHandover.Argument,
        PromptArgs = ["-i"], // --prompt-interactive: run the prompt, then stay interactive
    };

    public static readonly AgentConfig Shell = new()
    {
        Name = "shell",
        Command = [ShellProgram],
        Handover = TicketHandover.None,
    };

    public static IReadOnlyDictionary<string, AgentConfig> BuiltIn { get; } =
        new[] { Claude, Codex, Aider, Gemini, Shell }.ToDictionary(a => a.Name, StringComparer.Ordinal);

    /// <summary>The screen and title patterns for a preset by name; <see cref="AgentStatePatterns.Generic"/> for anything else (a custom argv).</summary>
    public static AgentStateHints HintsFor(string? presetName) => presetName switch
    {
        "claude" => AgentStatePatterns.Claude,
        "codex" => AgentStatePatterns.Codex,
        "aider" => AgentStatePatterns.Aider,
        "gemini" => AgentStatePatterns.Gemini,
        "shell" => AgentStatePatterns.Shell,
        _ => AgentStatePatterns.Generic,
    };

    /// <summary>argv with a leading <see cref="ShellProgram"/> replaced by <paramref name="shell"/> (the user's $SHELL), or <c>sh</c>.</summary>
    public static IReadOnlyList<string> ResolveShell(IReadOnlyList<string> argv, string? shell) =>
        argv.Count > 0 && argv[0] == ShellProgram
            ? [string.IsNullOrWhiteSpace(shell) ? "sh" : shell, .. argv.Skip(1)]
            : argv;
}

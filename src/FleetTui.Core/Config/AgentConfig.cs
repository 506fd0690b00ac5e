namespace FleetTui.Core.Config;

/// <summary>An agent preset (built-in or <c>[agents.&lt;name&gt;]</c>).</summary>
public sealed record AgentConfig
{
    public required string Name { get; init; }

    /// <summary>argv; templates allowed in each element (expanded, never through a shell).</summary>
    public required IReadOnlyList<string> Command { get; init; }

    /// <summary>How the ticket/prompt reaches the agent.</summary>
    public TicketHandover Handover { get; init; } = TicketHandover.None;

    /// <summary>argv placed just before the ticket text when <see cref="Handover"/> is <see cref="TicketHandover.Argument"/> (gemini: <c>-i</c>).</summary>
    public IReadOnlyList<string> PromptArgs { get; init; } = [];

    /// <summary>Extra argv appended on "restart with continue".</summary>
    public IReadOnlyList<string> ContinueArgs { get; init; } = [];

    public IReadOnlyDictionary<string, string> Env { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// Install the agent's hooks calling <c>fleet signal</c> (claude, codex, gemini), in the task's worktree only:
    /// <c>hooks = true</c>. Null: not set here (the user config's <c>[hooks] claude</c> may still ask for Claude Code's).
    /// </summary>
    public bool? Hooks { get; init; }

    /// <summary>
    /// Claude Code only: record in the user's ~/.claude.json (backed up first, nothing else changed) that the repository
    /// is trusted, which covers every worktree of it, so each new task does not stop at the folder-trust dialog.
    /// </summary>
    public bool TrustWorktrees { get; init; }
}

public enum TicketHandover
{
    /// <summary>The agent gets nothing (a shell).</summary>
    None,
    /// <summary>The ticket text is appended as the last argv element.</summary>
    Argument,
    /// <summary>The ticket text is typed into the agent's terminal after start.</summary>
    Stdin,
    /// <summary>The ticket is written to a file in the worktree (FLEET_TICKET names it).</summary>
    File,
}

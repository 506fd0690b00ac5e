namespace FleetTui.Core.Agents;

/// <summary>
/// Opt-in Codex CLI hooks, as launch arguments: <c>-c notify=[…]</c> makes Codex run <c>fleet signal idle</c> when a
/// turn completes (it appends the turn's JSON as the last argument). A command-line override, so no config file of
/// the user's (or of the worktree's) is touched, and it applies to this launch only.
/// <para>
/// What was tried (Codex 0.171): <c>notify</c> in the project's <c>.codex/config.toml</c> is ignored ("unsupported
/// project-local config key"); a project or user <c>hooks.json</c> with <c>[features] hooks = true</c> did not fire;
/// a per-worktree CODEX_HOME would hide the user's login and history. Codex also notifies for its side thread that
/// writes the task's title, before the real turn ends: <c>fleet signal</c> drops that one (<see cref="IsSideTurn"/>).
/// </para>
/// </summary>
public static class CodexHooks
{
    /// <summary>The event name Codex's notify payload carries, used as the hook event.</summary>
    public const string TurnComplete = "agent-turn-complete";

    /// <summary>The arguments to put right after <c>codex</c>.</summary>
    public static IReadOnlyList<string> LaunchArguments(IReadOnlyList<string> fleetArgv, string task) =>
        ["-c", "notify=" + TomlArray(HookCommand.Argv(fleetArgv, HookSignal.Idle, task, TurnComplete))];

    /// <summary>
    /// A notify payload for Codex's own side turn (the task title it generates from the first prompt), not the user's
    /// turn: reporting it would say "idle" while the real turn works.
    /// </summary>
    public static bool IsSideTurn(string payload) =>
        payload.Contains("\"input-messages\":[\"Generate a concise, single-line task title", StringComparison.Ordinal);

    private static string TomlArray(IEnumerable<string> items) =>
        "[" + string.Join(", ", items.Select(TomlString)) + "]";

    private static string TomlString(string value) =>
        "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}

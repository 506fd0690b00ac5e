using FleetTui.Core.Git;

namespace FleetTui.Core.Agents;

/// <summary>
/// Opt-in: makes Claude Code report its state through <c>fleet signal</c> by adding hooks to the task's WORKTREE
/// <c>.claude/settings.local.json</c> (never ~/.claude, never the committed .claude/settings.json), merged into what is
/// there, and keeps that file out of git through the worktree's info/exclude. Each hook runs <c>fleet signal</c>, which
/// reads the launch id (<see cref="AgentSignal.RunVariable"/>) from the environment the hook inherits from the agent. Re-installing replaces our hooks (found by
/// <see cref="Marker"/>) and leaves the user's own alone.
/// </summary>
public static class ClaudeHooksInstaller
{
    public const string SettingsFile = ".claude/settings.local.json";

    /// <summary>A shell comment ending each of our commands: how we recognise our hooks among the user's.</summary>
    public const string Marker = "# fleet-signal";

    /// <summary>
    /// Claude Code hook event → the state it means. PreToolUse/PostToolUse say "working" again after a permission was
    /// granted (nothing else does until the turn ends); Notification only for the permission and MCP-elicitation kinds
    /// (its idle reminder comes a minute late and would say "waiting" over an idle prompt).
    /// </summary>
    public static IReadOnlyList<(string Event, HookSignal Signal)> Events { get; } =
    [
        ("SessionStart", HookSignal.Started),
        ("UserPromptSubmit", HookSignal.Working),
        ("PreToolUse", HookSignal.Working),
        ("PostToolUse", HookSignal.Working),
        ("Stop", HookSignal.Idle),
        ("Notification", HookSignal.Waiting),
        ("SessionEnd", HookSignal.Done),
    ];

    /// <summary>
    /// Events earlier versions of fleet hooked and this one no longer does: our hooks there are removed on install.
    /// PermissionRequest hooks may decide the permission, so Claude Code waits for them before it takes the user's
    /// answer: a `fleet signal` start-up there delayed every grant (measured: ~350 ms). Notification says the same, unawaited.
    /// </summary>
    public static IReadOnlyList<string> RetiredEvents { get; } = ["PermissionRequest"];

    /// <summary>Events whose hooks take a matcher, and ours.</summary>
    private static readonly Dictionary<string, string> Matchers = new(StringComparer.Ordinal)
    {
        ["Notification"] = "permission_prompt|elicitation_dialog",
        ["PreToolUse"] = "*",
        ["PostToolUse"] = "*",
    };

    /// <param name="fleetArgv">How to run this fleet executable (e.g. <c>[/usr/bin/fleet]</c> or <c>[dotnet, /opt/fleet/fleet.dll]</c>).</param>
    public static async Task InstallAsync(GitCli git, string worktree, string task, IReadOnlyList<string> fleetArgv, CancellationToken cancellationToken = default)
    {
        var path = Path.Combine(worktree, SettingsFile);
        var entries = Events.Select(e => new HookSettingsFile.Entry(e.Event, Command(fleetArgv, e.Signal, task, e.Event), Matchers.GetValueOrDefault(e.Event), 10));
        await HookSettingsFile.MergeAsync(path, entries, RetiredEvents, Marker, cancellationToken).ConfigureAwait(false);
        await WorktreeExclude.AddAsync(git, worktree, ["/" + SettingsFile], cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The hook's command line: each argv element shell-quoted (Claude Code runs it through a shell), then our marker.</summary>
    public static string Command(IReadOnlyList<string> fleetArgv, HookSignal signal, string task, string? hookEvent = null) =>
        HookCommand.Line(fleetArgv, signal, task, hookEvent) + " " + Marker;
}

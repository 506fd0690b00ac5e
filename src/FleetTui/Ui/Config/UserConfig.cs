using FleetTui.Core.Agents;
using FleetTui.Ui.Keys;

namespace FleetTui.Ui.Config;

/// <summary>The user's own settings (<c>~/.config/fleet/config.toml</c>): keys, theme, notifications. Never committed to a repo.</summary>
public sealed record UserConfig(Keymap Keymap, string? Theme)
{
    /// <summary>Alerts sent to the outer terminal when a task needs attention (<c>[notify]</c>); none by default.</summary>
    public NotifySettings Notify { get; init; } = NotifySettings.Default;

    /// <summary>
    /// <c>[hooks] claude = true</c>: tasks running the claude preset get Claude Code hooks that report their state through
    /// <c>fleet signal</c>, in the worktree's own <c>.claude/settings.local.json</c> (never the user's global settings). Off by default.
    /// </summary>
    public bool ClaudeHooks { get; init; }

    /// <summary><c>[detection]</c>: how long a state must hold before the sidebar shows it, and the other detector timings.</summary>
    public AgentStateDetectorOptions Detection { get; init; } = AgentStateDetectorOptions.Default;

    public static UserConfig Default { get; } = new(Keymap.Default(), null);
}

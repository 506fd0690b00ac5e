using FleetTui.Ui.Keys;

namespace FleetTui.Ui.Config;

/// <summary>The user's own settings (<c>~/.config/fleet/config.toml</c>): keys, theme, notifications. Never committed to a repo.</summary>
public sealed record UserConfig(Keymap Keymap, string? Theme)
{
    /// <summary>Alerts sent to the outer terminal when a task needs attention (<c>[notify]</c>); none by default.</summary>
    public NotifySettings Notify { get; init; } = NotifySettings.None;

    public static UserConfig Default { get; } = new(Keymap.Default(), null);
}

using FleetTui.Ui.Keys;

namespace FleetTui.Ui.Config;

/// <summary>The user's own settings (<c>~/.config/fleet/config.toml</c>): keys and theme. Never committed to a repo.</summary>
public sealed record UserConfig(Keymap Keymap, string? Theme)
{
    public static UserConfig Default { get; } = new(Keymap.Default(), null);
}

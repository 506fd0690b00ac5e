using FleetTui.Core.Agents;
using FleetTui.Core.Config;
using FleetTui.Ui.Keys;

namespace FleetTui.Ui.Config;

/// <summary>
/// Reads the user config strictly:
/// <code>
/// theme = "light"
/// [keys]
/// prefix = "ctrl+a"
/// zoom = ["prefix z", "alt+z"]
/// [notify]
/// waiting = ["bell", "osc9"]   # also: stuck, review, gate_failed, conflict, exited (default: the bell for waiting only)
/// exited = ["osc9"]
/// [hooks]
/// claude = true
/// [detection]
/// debounce_ms = 300        # a state must hold this long before it shows (hooks and exits show at once)
/// hook_override_ms = 1500  # how long other evidence must hold to contradict the last hook
/// quiet_ms = 3000          # no output for this long counts as idle (when nothing better is known)
/// </code>
/// Unknown keys, unknown commands, bad key names and one key bound to two commands are errors with file:line:col.
/// </summary>
public static class UserConfigLoader
{
    /// <summary><c>$XDG_CONFIG_HOME/fleet/config.toml</c>, else <c>~/.config/fleet/config.toml</c>.</summary>
    public static string DefaultPath(Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        var xdg = environment("XDG_CONFIG_HOME");
        var root = string.IsNullOrEmpty(xdg) ? Path.Combine(environment("HOME") ?? "", ".config") : xdg;
        return Path.Combine(root, "fleet", "config.toml");
    }

    /// <summary>The defaults when the file does not exist.</summary>
    public static UserConfig Load(string path) =>
        File.Exists(path) ? Parse(File.ReadAllText(path), path) : UserConfig.Default;

    public static UserConfig Parse(string text, string displayName = "config.toml")
    {
        var entries = TomlEntries.Read(text, displayName);
        string? theme = null;
        var prefix = Keymap.DefaultPrefix;
        var notify = NotifySettings.Default;
        var claudeHooks = false;
        var detection = AgentStateDetectorOptions.Default;
        foreach (var entry in entries)
        {
            switch (entry.Table, entry.Key)
            {
                case ("", "theme"):
                    theme = TomlEntries.String(entry, displayName);
                    break;
                case ("keys", "prefix"):
                    prefix = KeyChord.TryParse(TomlEntries.String(entry, displayName), out var error)
                        ?? throw new ConfigException(displayName, entry.ValuePosition, error!);
                    break;
                case ("keys", _):
                    break;
                case ("notify", var kind) when NotifySettings.Keys.TryGetValue(kind, out var attention):
                    notify = notify.With(attention, Alerts(entry, displayName));
                    break;
                case ("hooks", "claude"):
                    claudeHooks = TomlEntries.Bool(entry, displayName);
                    break;
                case ("detection", "debounce_ms"):
                    detection = detection with { Debounce = Milliseconds(entry, displayName) };
                    break;
                case ("detection", "hook_override_ms"):
                    detection = detection with { HookOverride = Milliseconds(entry, displayName) };
                    break;
                case ("detection", "quiet_ms"):
                    detection = detection with { QuietAfter = Milliseconds(entry, displayName) };
                    break;
                case ("detection", _):
                    throw new ConfigException(displayName, entry.Position, $"unknown key '{entry.Key}' in [detection] (known: debounce_ms, hook_override_ms, quiet_ms)");
                case ("hooks", _):
                    throw new ConfigException(displayName, entry.Position, $"unknown key '{entry.Key}' in [hooks] (known: claude)");
                case ("notify", _):
                    throw new ConfigException(displayName, entry.Position, $"unknown key '{entry.Key}' in [notify] (known: {string.Join(", ", NotifySettings.Keys.Keys)})");
                case ("", _):
                    throw new ConfigException(displayName, entry.Position, $"unknown key '{entry.Key}' (known: theme, [keys], [notify], [hooks], [detection])");
                default:
                    throw new ConfigException(displayName, entry.Position, $"unknown table [{entry.Table}] (known: [keys], [notify], [hooks], [detection])");
            }
        }

        var keymap = Keymap.Default(prefix);
        foreach (var entry in entries.Where(e => e.Table == "keys" && e.Key != "prefix"))
        {
            if (!UiCommandNames.TryParse(entry.Key, out var command))
                throw new ConfigException(displayName, entry.Position, $"unknown command '{entry.Key}' (known: {string.Join(", ", UiCommandNames.All)})");
            var sequences = new List<KeySequence>();
            foreach (var (keyText, position) in TomlEntries.StringList(entry, displayName))
            {
                sequences.Add(KeySequence.TryParse(keyText, prefix, out var error)
                    ?? throw new ConfigException(displayName, position, error!));
            }
            keymap = keymap.Rebind(command, sequences);
        }
        RefuseClashes(keymap, entries, displayName);
        return new UserConfig(keymap, theme) { Notify = notify, ClaudeHooks = claudeHooks, Detection = detection };
    }

    private static TimeSpan Milliseconds(TomlEntry entry, string displayName) =>
        TimeSpan.FromMilliseconds(TomlEntries.Integer(entry, displayName, 0, 60_000));

    private static List<OuterAlert> Alerts(TomlEntry entry, string displayName) =>
        TomlEntries.StringList(entry, displayName).Select(item => item.Text switch
        {
            "bell" => OuterAlert.Bell,
            "osc9" => OuterAlert.Osc9,
            "osc777" => OuterAlert.Osc777,
            _ => throw new ConfigException(displayName, item.Position, $"unknown alert '{item.Text}' in [notify] {entry.Key} (known: bell, osc9, osc777)"),
        }).Distinct().ToList();

    private static void RefuseClashes(Keymap keymap, IReadOnlyList<TomlEntry> entries, string displayName)
    {
        // A key may mean one thing globally and another inside a panel: clashes count within one scope.
        var owner = new Dictionary<(KeyScope, KeySequence), UiCommand>();
        foreach (var binding in keymap.Bindings)
        {
            foreach (var keys in binding.Keys)
            {
                if (owner.TryGetValue((binding.Scope, keys), out var other) && other != binding.Command)
                {
                    var name = UiCommandNames.ConfigName(binding.Command);
                    var entry = entries.FirstOrDefault(e => e.Table == "keys" && (e.Key == name || e.Key == UiCommandNames.ConfigName(other)));
                    throw new ConfigException(displayName, entry?.Position ?? new SourcePosition(1, 1),
                        $"'{keys}' is bound to both {UiCommandNames.ConfigName(other)} and {name}");
                }
                owner[(binding.Scope, keys)] = binding.Command;
                // A single key that is also a prefix would make the prefix unreachable.
                if (keys.Chords.Count == 1 && keys.Chords[0] == keymap.Prefix && binding.Command != UiCommand.SendPrefix)
                {
                    var entry = entries.FirstOrDefault(e => e.Table == "keys" && e.Key == UiCommandNames.ConfigName(binding.Command));
                    throw new ConfigException(displayName, entry?.Position ?? new SourcePosition(1, 1),
                        $"'{keys}' is the prefix key and cannot also run {UiCommandNames.ConfigName(binding.Command)}");
                }
            }
        }
    }
}

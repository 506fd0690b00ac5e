using FleetTui.Core.Config;
using FleetTui.Ui.Config;

namespace FleetTui.Ui.Themes;

/// <summary>
/// Loads <c>themes/*.toml</c> strictly: every color required, <c>#rrggbb</c> only, unknown keys rejected, errors as
/// file:line:col. The shipped themes are embedded in the executable; a user theme is a path or a name found under
/// <c>~/.config/fleet/themes/</c>.
/// </summary>
public static class ThemeLoader
{
    public const string DefaultName = "default";

    private static readonly Dictionary<string, string> ChromeKeys = new()
    {
        ["background"] = nameof(ChromeColors.Background),
        ["foreground"] = nameof(ChromeColors.Foreground),
        ["border"] = nameof(ChromeColors.Border),
        ["border_focused"] = nameof(ChromeColors.BorderFocused),
        ["title"] = nameof(ChromeColors.Title),
        ["title_focused"] = nameof(ChromeColors.TitleFocused),
        ["selection_background"] = nameof(ChromeColors.SelectionBackground),
        ["selection_foreground"] = nameof(ChromeColors.SelectionForeground),
        ["status_background"] = nameof(ChromeColors.StatusBackground),
        ["status_foreground"] = nameof(ChromeColors.StatusForeground),
        ["accent"] = nameof(ChromeColors.Accent),
        ["muted"] = nameof(ChromeColors.Muted),
        ["success"] = nameof(ChromeColors.Success),
        ["warning"] = nameof(ChromeColors.Warning),
        ["error"] = nameof(ChromeColors.Error),
    };

    /// <summary>The names of the themes shipped inside the executable.</summary>
    public static IReadOnlyList<string> BuiltInNames =>
        typeof(ThemeLoader).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("themes/", StringComparison.Ordinal) && n.EndsWith(".toml", StringComparison.Ordinal))
            .Select(n => n["themes/".Length..^".toml".Length])
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>
    /// <paramref name="nameOrPath"/> is a file path (contains a slash or ends in .toml), a user theme name
    /// (<paramref name="userThemesDirectory"/>/NAME.toml) or a built-in name. Null means the default.
    /// </summary>
    public static Theme Resolve(string? nameOrPath, string? userThemesDirectory, bool noColor)
    {
        var theme = ResolveColors(nameOrPath ?? DefaultName, userThemesDirectory);
        return noColor ? theme with { MonochromeChrome = true } : theme;
    }

    private static Theme ResolveColors(string nameOrPath, string? userThemesDirectory)
    {
        if (nameOrPath.Contains('/') || nameOrPath.EndsWith(".toml", StringComparison.Ordinal))
        {
            return File.Exists(nameOrPath)
                ? Parse(File.ReadAllText(nameOrPath), Path.GetFileNameWithoutExtension(nameOrPath), nameOrPath)
                : throw new FileNotFoundException($"theme file '{nameOrPath}' does not exist", nameOrPath);
        }
        if (userThemesDirectory is not null)
        {
            var userFile = Path.Combine(userThemesDirectory, nameOrPath + ".toml");
            if (File.Exists(userFile))
                return Parse(File.ReadAllText(userFile), nameOrPath, userFile);
        }
        var text = BuiltInText(nameOrPath)
            ?? throw new ArgumentException($"unknown theme '{nameOrPath}' (built in: {string.Join(", ", BuiltInNames)})", nameof(nameOrPath));
        return Parse(text, nameOrPath, $"themes/{nameOrPath}.toml");
    }

    public static string? BuiltInText(string name)
    {
        using var stream = typeof(ThemeLoader).Assembly.GetManifestResourceStream($"themes/{name}.toml");
        if (stream is null)
            return null;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    public static Theme Parse(string text, string name, string displayName)
    {
        var entries = TomlEntries.Read(text, displayName);
        var chrome = new Dictionary<string, RgbColor>();
        var ansi = new RgbColor?[16];
        RgbColor? paneForeground = null, paneBackground = null;

        foreach (var entry in entries)
        {
            switch (entry.Table, entry.Key)
            {
                case ("", "name"):
                    TomlEntries.String(entry, displayName);
                    break;
                case ("chrome", var key) when ChromeKeys.ContainsKey(key):
                    chrome[key] = Color(entry, displayName);
                    break;
                case ("pane", "foreground"):
                    paneForeground = Color(entry, displayName);
                    break;
                case ("pane", "background"):
                    paneBackground = Color(entry, displayName);
                    break;
                case ("ansi", var key) when Theme.AnsiNames.Contains(key):
                    ansi[IndexOf(Theme.AnsiNames, key)] = Color(entry, displayName);
                    break;
                case ("chrome", _):
                    throw new ConfigException(displayName, entry.Position, $"unknown chrome color '{entry.Key}' (known: {string.Join(", ", ChromeKeys.Keys)})");
                case ("ansi", _):
                    throw new ConfigException(displayName, entry.Position, $"unknown ANSI color '{entry.Key}' (known: {string.Join(", ", Theme.AnsiNames)})");
                case ("pane", _):
                    throw new ConfigException(displayName, entry.Position, $"unknown pane color '{entry.Key}' (known: foreground, background)");
                case ("", _):
                    throw new ConfigException(displayName, entry.Position, $"unknown key '{entry.Key}' (known: name, [chrome], [pane], [ansi])");
                default:
                    throw new ConfigException(displayName, entry.Position, $"unknown table [{entry.Table}] (known: [chrome], [pane], [ansi])");
            }
        }

        var end = new SourcePosition(text.Split('\n').Length, 1);
        var missing = ChromeKeys.Keys.Where(k => !chrome.ContainsKey(k)).Select(k => $"chrome.{k}")
            .Concat(paneForeground is null ? ["pane.foreground"] : [])
            .Concat(paneBackground is null ? ["pane.background"] : [])
            .Concat(Theme.AnsiNames.Where((_, i) => ansi[i] is null).Select(k => $"ansi.{k}"))
            .ToList();
        if (missing.Count > 0)
            throw new ConfigException(displayName, end, $"theme is missing {string.Join(", ", missing)}");

        RgbColor C(string key) => chrome[key];
        return new Theme
        {
            Name = name,
            Chrome = new ChromeColors
            {
                Background = C("background"), Foreground = C("foreground"), Border = C("border"), BorderFocused = C("border_focused"),
                Title = C("title"), TitleFocused = C("title_focused"),
                SelectionBackground = C("selection_background"), SelectionForeground = C("selection_foreground"),
                StatusBackground = C("status_background"), StatusForeground = C("status_foreground"),
                Accent = C("accent"), Muted = C("muted"), Success = C("success"), Warning = C("warning"), Error = C("error"),
            },
            PaneForeground = paneForeground!.Value,
            PaneBackground = paneBackground!.Value,
            Ansi = ansi.Select(c => c!.Value).ToList(),
        };
    }

    private static RgbColor Color(TomlEntry entry, string displayName)
    {
        var text = TomlEntries.String(entry, displayName);
        return RgbColor.TryParse(text, out var color)
            ? color
            : throw new ConfigException(displayName, entry.ValuePosition, $"'{entry.Key}' = \"{text}\" is not a color (write \"#rrggbb\")");
    }

    private static int IndexOf(IReadOnlyList<string> names, string name)
    {
        for (var i = 0; i < names.Count; i++)
            if (names[i] == name)
                return i;
        return -1;
    }
}

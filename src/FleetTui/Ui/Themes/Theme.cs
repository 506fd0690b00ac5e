namespace FleetTui.Ui.Themes;

/// <summary>
/// A color theme: the chrome, and the palette a pane's programs see (default foreground/background and the 16 ANSI
/// colors; 256-color and truecolor cells are drawn as the program asked).
/// </summary>
public sealed record Theme
{
    public required string Name { get; init; }
    public required ChromeColors Chrome { get; init; }
    public required RgbColor PaneForeground { get; init; }
    public required RgbColor PaneBackground { get; init; }

    /// <summary>Exactly 16 entries: black, red, green, yellow, blue, magenta, cyan, white, then the bright ones.</summary>
    public required IReadOnlyList<RgbColor> Ansi { get; init; }

    /// <summary>True when the chrome must not add color (<c>NO_COLOR</c>): it draws in the terminal's own colors.</summary>
    public bool MonochromeChrome { get; init; }

    /// <summary>True when the locale is not UTF-8: the chrome draws its frames and marks in ASCII (<see cref="Views.AsciiChrome"/>).</summary>
    public bool AsciiChrome { get; init; }

    public static readonly IReadOnlyList<string> AnsiNames =
    [
        "black", "red", "green", "yellow", "blue", "magenta", "cyan", "white",
        "bright_black", "bright_red", "bright_green", "bright_yellow", "bright_blue", "bright_magenta", "bright_cyan", "bright_white",
    ];
}

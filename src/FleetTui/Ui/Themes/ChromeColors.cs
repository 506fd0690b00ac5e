namespace FleetTui.Ui.Themes;

/// <summary>The cockpit's own colors (everything that is not a pane's content).</summary>
public sealed record ChromeColors
{
    public required RgbColor Background { get; init; }
    public required RgbColor Foreground { get; init; }
    public required RgbColor Border { get; init; }
    public required RgbColor BorderFocused { get; init; }
    public required RgbColor Title { get; init; }
    public required RgbColor TitleFocused { get; init; }
    public required RgbColor SelectionBackground { get; init; }
    public required RgbColor SelectionForeground { get; init; }
    public required RgbColor StatusBackground { get; init; }
    public required RgbColor StatusForeground { get; init; }
    public required RgbColor Accent { get; init; }
    public required RgbColor Muted { get; init; }
    public required RgbColor Success { get; init; }
    public required RgbColor Warning { get; init; }
    public required RgbColor Error { get; init; }
}

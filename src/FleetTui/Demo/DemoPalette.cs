namespace FleetTui.Demo;

/// <summary>The demo agent's colors (close to Claude Code's dark theme).</summary>
public static class DemoPalette
{
    public static readonly string Accent = AnsiText.Foreground(215, 119, 87);
    public static readonly string Muted = AnsiText.Foreground(153, 153, 153);
    public static readonly string Text = AnsiText.Foreground(230, 230, 230);
    public static readonly string Success = AnsiText.Foreground(78, 186, 101);
    public static readonly string Failure = AnsiText.Foreground(255, 107, 128);
    public static readonly string Border = AnsiText.Foreground(136, 136, 136);
    public static readonly string Permission = AnsiText.Foreground(177, 185, 249);
    public static readonly string AddedLine = AnsiText.Background(34, 92, 43) + AnsiText.Foreground(230, 255, 230);
    public static readonly string RemovedLine = AnsiText.Background(122, 41, 54) + AnsiText.Foreground(255, 230, 230);
    public static readonly string PromptEcho = AnsiText.Background(55, 55, 55) + AnsiText.Foreground(230, 230, 230);
}

using System.Globalization;

namespace FleetTui.Demo;

/// <summary>The escape sequences the demo agent writes, named; colors are 24-bit like the agents it imitates.</summary>
public static class AnsiText
{
    public const string Reset = "\e[0m";
    public const string Bold = "\e[1m";
    public const string Dim = "\e[2m";
    public const string Inverse = "\e[7m";
    public const string HideCursor = "\e[?25l";
    public const string ShowCursor = "\e[?25h";
    public const string BeginSynchronizedUpdate = "\e[?2026h";
    public const string EndSynchronizedUpdate = "\e[?2026l";
    public const string EraseLine = "\e[2K";
    public const string CursorUp = "\e[1A";
    public const string CursorToColumnOne = "\e[G";
    public const string ClearScreenAndScrollback = "\e[2J\e[3J\e[H";
    public const string Bell = "\a";

    public static string Foreground(int r, int g, int b) => string.Create(CultureInfo.InvariantCulture, $"\e[38;2;{r};{g};{b}m");

    public static string Background(int r, int g, int b) => string.Create(CultureInfo.InvariantCulture, $"\e[48;2;{r};{g};{b}m");

    /// <summary>OSC 0: sets the window and icon title.</summary>
    public static string Title(string title) => $"\e]0;{title}\a";

    /// <summary>OSC 9 (iTerm2/ConEmu/WezTerm style desktop notification).</summary>
    public static string Notification(string message) => $"\e]9;{message}\a";

    /// <summary>OSC 777 (rxvt/foot/Ghostty style notification with a title).</summary>
    public static string Notification(string title, string body) => $"\e]777;notify;{title};{body}\a";

    /// <summary><paramref name="text"/> cut or padded to exactly <paramref name="width"/> columns (every glyph we use is one column).</summary>
    public static string Fit(string text, int width) =>
        width <= 0 ? "" : text.Length > width ? text[..(width - 1)] + "…" : text.PadRight(width);

    /// <summary><paramref name="text"/> cut to at most <paramref name="width"/> columns.</summary>
    public static string Clip(string text, int width) =>
        width <= 0 ? "" : text.Length > width ? text[..(width - 1)] + "…" : text;
}

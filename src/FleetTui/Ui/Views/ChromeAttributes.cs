using FleetTui.Ui.Themes;
using Terminal.Gui.Drawing;
using Attribute = Terminal.Gui.Drawing.Attribute;

namespace FleetTui.Ui.Views;

/// <summary>The theme turned into Terminal.Gui attributes once. With NO_COLOR every chrome attribute is the terminal's own colors.</summary>
public sealed class ChromeAttributes
{
    public ChromeAttributes(Theme theme)
    {
        Theme = theme;
        var c = theme.Chrome;
        Attribute Make(RgbColor fg, RgbColor bg, TextStyle style = TextStyle.None) =>
            theme.MonochromeChrome ? new Attribute(Color.None, Color.None, style) : new Attribute(ToColor(fg), ToColor(bg), style);

        Normal = Make(c.Foreground, c.Background);
        Muted = Make(c.Muted, c.Background);
        Accent = Make(c.Accent, c.Background, TextStyle.Bold);
        Success = Make(c.Success, c.Background);
        Warning = Make(c.Warning, c.Background);
        Error = Make(c.Error, c.Background);
        Selected = Make(c.SelectionForeground, c.SelectionBackground, theme.MonochromeChrome ? TextStyle.Reverse : TextStyle.None);
        Title = Make(c.Title, c.Background);
        TitleFocused = Make(c.TitleFocused, c.SelectionBackground, theme.MonochromeChrome ? TextStyle.Reverse | TextStyle.Bold : TextStyle.Bold);
        Border = Make(c.Border, c.Background);
        BorderFocused = Make(c.BorderFocused, c.Background);
        Status = Make(c.StatusForeground, c.StatusBackground, theme.MonochromeChrome ? TextStyle.Reverse : TextStyle.None);
    }

    public Theme Theme { get; }

    /// <summary>Chrome text as it can be drawn in this locale (ASCII stand-ins when it is not UTF-8).</summary>
    public string Text(string text) => Theme.AsciiChrome ? AsciiChrome.Fold(text) : text;

    /// <summary>The column separator between panes.</summary>
    public char Separator => Theme.AsciiChrome ? '|' : '│';
    public Attribute Normal { get; }
    public Attribute Muted { get; }
    public Attribute Accent { get; }
    public Attribute Success { get; }
    public Attribute Warning { get; }
    public Attribute Error { get; }
    public Attribute Selected { get; }
    public Attribute Title { get; }
    public Attribute TitleFocused { get; }
    public Attribute Border { get; }
    public Attribute BorderFocused { get; }
    public Attribute Status { get; }

    public Attribute For(TextRole role) => role switch
    {
        TextRole.Muted => Muted,
        TextRole.Accent => Accent,
        TextRole.Success => Success,
        TextRole.Warning => Warning,
        TextRole.Error => Error,
        TextRole.Selected => Selected,
        _ => Normal,
    };

    public static Color ToColor(RgbColor color) => new(color.R, color.G, color.B);
}

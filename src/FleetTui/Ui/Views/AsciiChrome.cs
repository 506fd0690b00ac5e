namespace FleetTui.Ui.Views;

/// <summary>
/// The chrome's few non-ASCII marks and their ASCII stand-ins, one character for one so that widths and truncation stay
/// as computed. Used when the locale is not UTF-8 (<see cref="FleetTui.Display.LocaleCharset"/>): the terminal would show
/// the UTF-8 bytes as garbage. Pane contents are the programs' own and are left alone.
/// </summary>
public static class AsciiChrome
{
    private static readonly Dictionary<char, char> StandIns = new()
    {
        ['·'] = '-', ['…'] = '~', ['│'] = '|', ['─'] = '-', ['—'] = '-', ['–'] = '-', ['›'] = '>', ['↑'] = '^', ['↓'] = 'v',
        ['→'] = '>', ['⇄'] = '=', ['▏'] = '|', ['⚠'] = '!', ['⟳'] = '*', ['●'] = '*', ['○'] = 'o', ['✓'] = '+', ['✗'] = 'x',
    };

    public static string Fold(string text)
    {
        var i = 0;
        while (i < text.Length && text[i] < 0x80)
            i++;
        if (i == text.Length)
            return text;
        return string.Create(text.Length, text, static (span, source) =>
        {
            for (var j = 0; j < source.Length; j++)
            {
                var c = source[j];
                span[j] = c < 0x80 ? c : StandIns.TryGetValue(c, out var standIn) ? standIn : char.IsSurrogate(c) ? '?' : '?';
            }
        });
    }

    public static char Fold(char c) => c < 0x80 ? c : StandIns.GetValueOrDefault(c, '?');
}

using System.Text;

namespace FleetTui.Ui.Keys;

/// <summary>
/// One key press with its modifiers, as written in config (<c>ctrl+g</c>, <c>alt+1</c>, <c>shift+tab</c>, <c>?</c>).
/// <see cref="Key"/> is a lowercase name: a single printable character or one of <see cref="NamedKeys"/>.
/// Shifted printable characters are written as the character itself (<c>?</c>, <c>Z</c>), never <c>shift+/</c>.
/// </summary>
public readonly record struct KeyChord(string Key, bool Ctrl = false, bool Alt = false, bool Shift = false)
{
    public static readonly IReadOnlySet<string> NamedKeys = new HashSet<string>(StringComparer.Ordinal)
    {
        "tab", "enter", "esc", "space", "backspace", "delete", "insert", "home", "end", "pageup", "pagedown",
        "left", "right", "up", "down",
        "f1", "f2", "f3", "f4", "f5", "f6", "f7", "f8", "f9", "f10", "f11", "f12",
    };

    /// <summary>Parses <c>ctrl+alt+x</c>; returns null and a reason when the text is not a key.</summary>
    public static KeyChord? TryParse(string text, out string? error)
    {
        error = null;
        var trimmed = text.Trim();
        if (trimmed.Length == 0)
        {
            error = "empty key";
            return null;
        }
        bool ctrl = false, alt = false, shift = false;
        var rest = trimmed;
        while (true)
        {
            var plus = rest.IndexOf('+', 1);
            if (plus < 0)
                break;
            var modifier = rest[..plus].ToLowerInvariant();
            switch (modifier)
            {
                case "ctrl" or "c": ctrl = true; break;
                case "alt" or "meta" or "m": alt = true; break;
                case "shift" or "s": shift = true; break;
                default:
                    error = $"unknown modifier '{rest[..plus]}' in '{text}' (use ctrl, alt or shift)";
                    return null;
            }
            rest = rest[(plus + 1)..];
        }
        var lower = rest.ToLowerInvariant();
        if (NamedKeys.Contains(lower))
            return new KeyChord(lower, ctrl, alt, shift);
        if (rest.EnumerateRunes().Count() == 1)
        {
            var rune = rest.EnumerateRunes().First();
            if (Rune.IsControl(rune) || Rune.IsWhiteSpace(rune))
            {
                error = $"'{text}' is not a key (write space, tab, enter...)";
                return null;
            }
            // With ctrl or alt a letter's case is meaningless to terminals: normalise so ctrl+G == ctrl+g.
            var key = ctrl || alt || shift ? rest.ToLowerInvariant() : rest;
            return new KeyChord(key, ctrl, alt, shift);
        }
        error = $"unknown key '{rest}' in '{text}' (a single character or one of: {string.Join(", ", NamedKeys.Order())})";
        return null;
    }

    public static KeyChord Parse(string text) =>
        TryParse(text, out var error) ?? throw new FormatException(error);

    /// <summary>How the help screen and the status bar show it: <c>Ctrl+G</c>, <c>Alt+1</c>, <c>?</c>.</summary>
    public override string ToString()
    {
        var builder = new StringBuilder();
        if (Ctrl) builder.Append("Ctrl+");
        if (Alt) builder.Append("Alt+");
        if (Shift) builder.Append("Shift+");
        builder.Append(Key.Length == 1 && (Ctrl || Alt || Shift) ? Key.ToUpperInvariant() : Key.Length > 1 ? char.ToUpperInvariant(Key[0]) + Key[1..] : Key);
        return builder.ToString();
    }
}

using System.Text;

namespace FleetTui.Terminal.Input;

/// <summary>
/// One key press. For <see cref="Key.Character"/>, <see cref="Character"/> is the character the keyboard produced,
/// Shift already applied ('A', '!'); Shift then changes nothing more.
/// </summary>
public readonly record struct KeyInput(Key Key, Rune Character, KeyModifiers Modifiers)
{
    public static KeyInput Char(char character, KeyModifiers modifiers = KeyModifiers.None) => new(Key.Character, new Rune(character), modifiers);

    public static KeyInput Char(Rune character, KeyModifiers modifiers = KeyModifiers.None) => new(Key.Character, character, modifiers);

    public static KeyInput Special(Key key, KeyModifiers modifiers = KeyModifiers.None)
    {
        if (key == Key.Character)
        {
            throw new ArgumentException("A character key needs its character: use KeyInput.Char", nameof(key));
        }

        return new KeyInput(key, default, modifiers);
    }

    public override string ToString() =>
        (Modifiers == KeyModifiers.None ? "" : Modifiers.ToString().Replace(", ", "+") + "+")
        + (Key == Key.Character ? $"'{Character}'" : Key.ToString());
}

using System.Text;
using FleetTui.Terminal.Input;
using GuiKey = Terminal.Gui.Input.Key;
using KeyCode = Terminal.Gui.Drivers.KeyCode;
using PaneKey = FleetTui.Terminal.Input.Key;

namespace FleetTui.Ui.Keys;

/// <summary>
/// Terminal.Gui's key events to our two key models: a <see cref="KeyChord"/> for the keymap and a
/// <see cref="KeyInput"/> for <see cref="KeyEncoder"/>. Letters arrive as upper-case key codes plus a shift mask;
/// other printable characters arrive with shift already applied.
/// </summary>
public static class GuiKeyTranslator
{
    private static readonly Dictionary<KeyCode, (string Name, PaneKey Key)> Named = new()
    {
        [KeyCode.Enter] = ("enter", PaneKey.Enter),
        [KeyCode.Tab] = ("tab", PaneKey.Tab),
        [KeyCode.Esc] = ("esc", PaneKey.Escape),
        [KeyCode.Backspace] = ("backspace", PaneKey.Backspace),
        [KeyCode.Delete] = ("delete", PaneKey.Delete),
        [KeyCode.Insert] = ("insert", PaneKey.Insert),
        [KeyCode.Home] = ("home", PaneKey.Home),
        [KeyCode.End] = ("end", PaneKey.End),
        [KeyCode.PageUp] = ("pageup", PaneKey.PageUp),
        [KeyCode.PageDown] = ("pagedown", PaneKey.PageDown),
        [KeyCode.CursorUp] = ("up", PaneKey.Up),
        [KeyCode.CursorDown] = ("down", PaneKey.Down),
        [KeyCode.CursorLeft] = ("left", PaneKey.Left),
        [KeyCode.CursorRight] = ("right", PaneKey.Right),
        [KeyCode.F1] = ("f1", PaneKey.F1), [KeyCode.F2] = ("f2", PaneKey.F2), [KeyCode.F3] = ("f3", PaneKey.F3),
        [KeyCode.F4] = ("f4", PaneKey.F4), [KeyCode.F5] = ("f5", PaneKey.F5), [KeyCode.F6] = ("f6", PaneKey.F6),
        [KeyCode.F7] = ("f7", PaneKey.F7), [KeyCode.F8] = ("f8", PaneKey.F8), [KeyCode.F9] = ("f9", PaneKey.F9),
        [KeyCode.F10] = ("f10", PaneKey.F10), [KeyCode.F11] = ("f11", PaneKey.F11), [KeyCode.F12] = ("f12", PaneKey.F12),
    };

    private static KeyCode BaseCode(GuiKey key) => key.KeyCode & ~(KeyCode.CtrlMask | KeyCode.AltMask | KeyCode.ShiftMask);

    public static KeyChord? ToChord(GuiKey key)
    {
        var code = BaseCode(key);
        if (Named.TryGetValue(code, out var named))
            return new KeyChord(named.Name, key.IsCtrl, key.IsAlt, key.IsShift);
        if (code == KeyCode.Space)
            return new KeyChord("space", key.IsCtrl, key.IsAlt, key.IsShift);
        if (code is >= KeyCode.A and <= KeyCode.Z)
        {
            var letter = (char)('a' + (code - KeyCode.A));
            // ctrl/alt chords are case-insensitive in config; a bare shifted letter is its capital.
            return key.IsCtrl || key.IsAlt
                ? new KeyChord(letter.ToString(), key.IsCtrl, key.IsAlt, key.IsShift)
                : new KeyChord(key.IsShift ? char.ToUpperInvariant(letter).ToString() : letter.ToString());
        }
        if ((int)code is > 32 and < 0x110000 and not (>= 0xD800 and <= 0xDFFF))
        {
            var text = new Rune((int)code).ToString();
            return new KeyChord(key.IsCtrl || key.IsAlt ? text.ToLowerInvariant() : text, key.IsCtrl, key.IsAlt);
        }
        return null;
    }

    public static KeyInput? ToKeyInput(GuiKey key)
    {
        var code = BaseCode(key);
        var modifiers = (key.IsCtrl ? KeyModifiers.Ctrl : 0) | (key.IsAlt ? KeyModifiers.Alt : 0) | (key.IsShift ? KeyModifiers.Shift : 0);
        if (Named.TryGetValue(code, out var named))
            return KeyInput.Special(named.Key, modifiers);
        if (code is >= KeyCode.A and <= KeyCode.Z)
        {
            var letter = (char)((key.IsShift ? 'A' : 'a') + (code - KeyCode.A));
            return KeyInput.Char(letter, modifiers & ~KeyModifiers.Shift);
        }
        if ((int)code is >= 32 and < 0x110000 and not (>= 0xD800 and <= 0xDFFF))
            return KeyInput.Char(new Rune((int)code), modifiers & ~KeyModifiers.Shift);
        return null;
    }
}

using System.Text;

namespace FleetTui.Terminal.Input;

/// <summary>
/// Turns a key press into the bytes xterm sends for it (xterm's ctlseqs, "PC-Style Function Keys"), driven by one
/// table per key. Pure and allocation free when given a destination span.
/// </summary>
public static class KeyEncoder
{
    /// <summary>A destination of this size always holds one key's encoding.</summary>
    public const int MaxLength = 16;

    private const byte Esc = 0x1b;

    private static readonly Entry[] Table = BuildTable();

    /// <summary>How a key is spelled; <see cref="Entry.Code"/> is a byte or a final character, <see cref="Entry.Number"/> the <c>~</c> code.</summary>
    private enum Form : byte
    {
        /// <summary>A single control byte (Enter, Tab, Backspace, Escape); Alt adds an ESC in front.</summary>
        ControlByte,

        /// <summary>Arrows, Home, End: <c>CSI x</c>, or <c>SS3 x</c> in application cursor mode; modified <c>CSI 1 ; m x</c>.</summary>
        Cursor,

        /// <summary>F1 to F4: <c>SS3 x</c> whatever the cursor mode; modified <c>CSI 1 ; m x</c>.</summary>
        Ss3Function,

        /// <summary>Editing keys and F5 and up: <c>CSI n ~</c>; modified <c>CSI n ; m ~</c>.</summary>
        Tilde,
    }

    public static byte[] Encode(KeyInput key, InputModes modes)
    {
        Span<byte> buffer = stackalloc byte[MaxLength];
        return buffer[..Encode(key, modes, buffer)].ToArray();
    }

    /// <returns>The number of bytes written to <paramref name="destination"/> (at least <see cref="MaxLength"/> long).</returns>
    public static int Encode(KeyInput key, InputModes modes, Span<byte> destination)
    {
        if (destination.Length < MaxLength)
        {
            throw new ArgumentException($"The destination must hold at least {MaxLength} bytes, not {destination.Length}", nameof(destination));
        }

        if (key.Key == Key.Character)
        {
            return EncodeCharacter(key.Character, key.Modifiers, destination);
        }

        if ((uint)key.Key >= (uint)Table.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(key), $"Unknown key {key.Key}");
        }

        Entry entry = Table[(int)key.Key];
        int modifierParameter = 1 + (int)(key.Modifiers & (KeyModifiers.Shift | KeyModifiers.Alt | KeyModifiers.Ctrl));
        bool modified = modifierParameter != 1;
        return entry.Form switch
        {
            Form.ControlByte => EncodeControlKey(key, entry.Code, modes.BackarrowSendsBackspace, destination),
            Form.Cursor when !modified => Write(destination, Esc, modes.ApplicationCursor ? (byte)'O' : (byte)'[', entry.Code),
            Form.Ss3Function when !modified => Write(destination, Esc, (byte)'O', entry.Code),
            Form.Cursor or Form.Ss3Function => WriteCsi(destination, 1, modifierParameter, entry.Code),
            _ => WriteCsi(destination, entry.Number, modifierParameter, (byte)'~'),
        };
    }

    /// <summary>The control byte Ctrl plus this character makes (VT220 and xterm), or -1 when Ctrl does not change it.</summary>
    internal static int ControlByteFor(Rune character) => character.Value switch
    {
        >= 'a' and <= 'z' => character.Value - 'a' + 1,
        >= 'A' and <= 'Z' => character.Value - 'A' + 1,
        '@' or ' ' or '2' => 0x00,
        '[' or '3' => 0x1b,
        '\\' or '4' => 0x1c,
        ']' or '5' => 0x1d,
        '^' or '6' or '~' => 0x1e,
        '_' or '7' or '/' => 0x1f,
        '?' or '8' => 0x7f,
        _ => -1,
    };

    private static int EncodeCharacter(Rune character, KeyModifiers modifiers, Span<byte> destination)
    {
        int length = 0;
        if ((modifiers & KeyModifiers.Alt) != 0)
        {
            destination[length++] = Esc; // xterm's metaSendsEscape, what every agent CLI expects
        }

        int control = (modifiers & KeyModifiers.Ctrl) != 0 ? ControlByteFor(character) : -1;
        if (control >= 0)
        {
            destination[length++] = (byte)control;
            return length;
        }

        return length + character.EncodeToUtf8(destination[length..]);
    }

    private static int EncodeControlKey(KeyInput key, byte code, bool backarrowSendsBackspace, Span<byte> destination)
    {
        int length = 0;
        if ((key.Modifiers & KeyModifiers.Alt) != 0)
        {
            destination[length++] = Esc;
        }

        if (key.Key == Key.Tab && (key.Modifiers & KeyModifiers.Shift) != 0)
        {
            return length + Write(destination[length..], Esc, (byte)'[', (byte)'Z'); // CBT, back-tab
        }

        if (key.Key == Key.Backspace)
        {
            // DEL, or BS under DECBKM (mode 67); Ctrl sends the other one (Ctrl+Backspace erases a word in readline and
            // most agents), as xterm, VTE and kitty do.
            var ctrl = (key.Modifiers & KeyModifiers.Ctrl) != 0;
            code = backarrowSendsBackspace != ctrl ? (byte)0x08 : (byte)0x7f;
        }

        destination[length++] = code;
        return length;
    }

    private static int Write(Span<byte> destination, byte a, byte b, byte c)
    {
        destination[0] = a;
        destination[1] = b;
        destination[2] = c;
        return 3;
    }

    /// <summary><c>ESC [ number final</c>, or <c>ESC [ number ; modifiers final</c> when modified.</summary>
    private static int WriteCsi(Span<byte> destination, int number, int modifierParameter, byte final)
    {
        destination[0] = Esc;
        destination[1] = (byte)'[';
        int length = 2 + WriteDecimal(destination[2..], number);
        if (modifierParameter != 1)
        {
            destination[length++] = (byte)';';
            length += WriteDecimal(destination[length..], modifierParameter);
        }

        destination[length++] = final;
        return length;
    }

    internal static int WriteDecimal(Span<byte> destination, int value)
    {
        value.TryFormat(destination, out int written, default, System.Globalization.CultureInfo.InvariantCulture);
        return written;
    }

    private static Entry[] BuildTable()
    {
        var table = new Entry[(int)Key.F12 + 1];
        table[(int)Key.Enter] = new(Form.ControlByte, 0x0d, 0);
        table[(int)Key.Tab] = new(Form.ControlByte, 0x09, 0);
        table[(int)Key.Backspace] = new(Form.ControlByte, 0x7f, 0);
        table[(int)Key.Escape] = new(Form.ControlByte, Esc, 0);
        table[(int)Key.Up] = new(Form.Cursor, (byte)'A', 0);
        table[(int)Key.Down] = new(Form.Cursor, (byte)'B', 0);
        table[(int)Key.Right] = new(Form.Cursor, (byte)'C', 0);
        table[(int)Key.Left] = new(Form.Cursor, (byte)'D', 0);
        table[(int)Key.Home] = new(Form.Cursor, (byte)'H', 0);
        table[(int)Key.End] = new(Form.Cursor, (byte)'F', 0);
        table[(int)Key.Insert] = new(Form.Tilde, 0, 2);
        table[(int)Key.Delete] = new(Form.Tilde, 0, 3);
        table[(int)Key.PageUp] = new(Form.Tilde, 0, 5);
        table[(int)Key.PageDown] = new(Form.Tilde, 0, 6);
        table[(int)Key.F1] = new(Form.Ss3Function, (byte)'P', 0);
        table[(int)Key.F2] = new(Form.Ss3Function, (byte)'Q', 0);
        table[(int)Key.F3] = new(Form.Ss3Function, (byte)'R', 0);
        table[(int)Key.F4] = new(Form.Ss3Function, (byte)'S', 0);
        table[(int)Key.F5] = new(Form.Tilde, 0, 15);
        table[(int)Key.F6] = new(Form.Tilde, 0, 17); // 16 and 22 are skipped: VT220 gaps between key groups
        table[(int)Key.F7] = new(Form.Tilde, 0, 18);
        table[(int)Key.F8] = new(Form.Tilde, 0, 19);
        table[(int)Key.F9] = new(Form.Tilde, 0, 20);
        table[(int)Key.F10] = new(Form.Tilde, 0, 21);
        table[(int)Key.F11] = new(Form.Tilde, 0, 23);
        table[(int)Key.F12] = new(Form.Tilde, 0, 24);
        return table;
    }

    private readonly record struct Entry(Form Form, byte Code, byte Number);
}

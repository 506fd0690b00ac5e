using System.Text;
using FleetTui.Terminal.Input;
using Shouldly;
using Xunit;

namespace FleetTui.Terminal.Tests.Input;

/// <summary>Expected bytes from xterm's ctlseqs ("PC-Style Function Keys") and what xterm sends by default.</summary>
public class KeyEncoderTests
{
    private const KeyModifiers Shift = KeyModifiers.Shift;
    private const KeyModifiers Alt = KeyModifiers.Alt;
    private const KeyModifiers Ctrl = KeyModifiers.Ctrl;
    private const KeyModifiers None = KeyModifiers.None;

    private static readonly InputModes Normal = InputModes.Default;
    private static readonly InputModes Application = new(ApplicationCursor: true);

    public static TheoryData<Key, string, string> CursorKeys => new()
    {
        { Key.Up, "\e[A", "\eOA" },
        { Key.Down, "\e[B", "\eOB" },
        { Key.Right, "\e[C", "\eOC" },
        { Key.Left, "\e[D", "\eOD" },
        { Key.Home, "\e[H", "\eOH" },
        { Key.End, "\e[F", "\eOF" },
    };

    public static TheoryData<Key, KeyModifiers, string> ModifiedKeys => new()
    {
        { Key.Up, Shift, "\e[1;2A" },
        { Key.Up, Alt, "\e[1;3A" },
        { Key.Up, Shift | Alt, "\e[1;4A" },
        { Key.Up, Ctrl, "\e[1;5A" },
        { Key.Up, Ctrl | Shift, "\e[1;6A" },
        { Key.Up, Ctrl | Alt, "\e[1;7A" },
        { Key.Up, Ctrl | Alt | Shift, "\e[1;8A" },
        { Key.Down, Ctrl, "\e[1;5B" },
        { Key.Right, Alt, "\e[1;3C" },
        { Key.Left, Ctrl, "\e[1;5D" },
        { Key.Home, Ctrl, "\e[1;5H" },
        { Key.End, Shift, "\e[1;2F" },
        { Key.F1, Shift, "\e[1;2P" },
        { Key.F2, Ctrl, "\e[1;5Q" },
        { Key.F3, Alt, "\e[1;3R" },
        { Key.F4, Ctrl | Shift, "\e[1;6S" },
        { Key.F5, Ctrl, "\e[15;5~" },
        { Key.F12, Shift, "\e[24;2~" },
        { Key.Insert, Shift, "\e[2;2~" },
        { Key.Delete, Ctrl, "\e[3;5~" },
        { Key.PageUp, Shift, "\e[5;2~" },
        { Key.PageDown, Ctrl | Alt, "\e[6;7~" },
    };

    public static TheoryData<Key, string> FunctionAndEditingKeys => new()
    {
        { Key.F1, "\eOP" },
        { Key.F2, "\eOQ" },
        { Key.F3, "\eOR" },
        { Key.F4, "\eOS" },
        { Key.F5, "\e[15~" },
        { Key.F6, "\e[17~" },
        { Key.F7, "\e[18~" },
        { Key.F8, "\e[19~" },
        { Key.F9, "\e[20~" },
        { Key.F10, "\e[21~" },
        { Key.F11, "\e[23~" },
        { Key.F12, "\e[24~" },
        { Key.Insert, "\e[2~" },
        { Key.Delete, "\e[3~" },
        { Key.PageUp, "\e[5~" },
        { Key.PageDown, "\e[6~" },
    };

    public static TheoryData<Key, KeyModifiers, string> ControlKeys => new()
    {
        { Key.Enter, None, "\r" },
        { Key.Enter, Alt, "\e\r" },
        { Key.Enter, Shift, "\r" },
        { Key.Tab, None, "\t" },
        { Key.Tab, Shift, "\e[Z" },
        { Key.Tab, Alt, "\e\t" },
        { Key.Tab, Alt | Shift, "\e\e[Z" },
        { Key.Backspace, None, "\x7f" },
        { Key.Backspace, Ctrl, "\b" },
        { Key.Backspace, Alt, "\e\x7f" },
        { Key.Backspace, Ctrl | Alt, "\e\b" },
        { Key.Backspace, Shift, "\x7f" },
        { Key.Escape, None, "\e" },
        { Key.Escape, Alt, "\e\e" },
    };

    public static TheoryData<char, KeyModifiers, string> Characters => new()
    {
        { 'a', None, "a" },
        { 'A', Shift, "A" },
        { '!', Shift, "!" },
        { ' ', None, " " },
        { 'é', None, "\xc3\xa9" },
        { '€', None, "\xe2\x82\xac" },
        { 'a', Ctrl, "\x01" },
        { 'c', Ctrl, "\x03" },
        { 'z', Ctrl, "\x1a" },
        { 'A', Ctrl, "\x01" },
        { 'C', Ctrl | Shift, "\x03" },
        { ' ', Ctrl, "\0" },
        { '@', Ctrl, "\0" },
        { '2', Ctrl, "\0" },
        { '[', Ctrl, "\e" },
        { '3', Ctrl, "\e" },
        { '\\', Ctrl, "\x1c" },
        { '4', Ctrl, "\x1c" },
        { ']', Ctrl, "\x1d" },
        { '5', Ctrl, "\x1d" },
        { '^', Ctrl, "\x1e" },
        { '6', Ctrl, "\x1e" },
        { '_', Ctrl, "\x1f" },
        { '7', Ctrl, "\x1f" },
        { '/', Ctrl, "\x1f" },
        { '?', Ctrl, "\x7f" },
        { '8', Ctrl, "\x7f" },
        { '1', Ctrl, "1" },
        { '.', Ctrl, "." },
        { 'é', Ctrl, "\xc3\xa9" },
        { 'a', Alt, "\ea" },
        { 'X', Alt | Shift, "\eX" },
        { 'a', Alt | Ctrl, "\e\x01" },
        { ' ', Alt | Ctrl, "\e\0" },
        { 'é', Alt, "\e\xc3\xa9" },
    };

    [Theory]
    [MemberData(nameof(CursorKeys))]
    public void Cursor_keys_send_CSI_normally_and_SS3_in_application_cursor_mode(Key key, string normal, string application)
    {
        Encode(KeyInput.Special(key), Normal).ShouldBe(Printable.OfLatin1(normal));
        Encode(KeyInput.Special(key), Application).ShouldBe(Printable.OfLatin1(application));
    }

    [Theory]
    [MemberData(nameof(ModifiedKeys))]
    public void Modified_keys_carry_xterms_modifier_parameter_in_either_cursor_mode(Key key, KeyModifiers modifiers, string expected)
    {
        Encode(KeyInput.Special(key, modifiers), Normal).ShouldBe(Printable.OfLatin1(expected));
        Encode(KeyInput.Special(key, modifiers), Application).ShouldBe(Printable.OfLatin1(expected));
    }

    [Theory]
    [MemberData(nameof(FunctionAndEditingKeys))]
    public void Function_and_editing_keys_ignore_the_cursor_mode(Key key, string expected)
    {
        Encode(KeyInput.Special(key), Normal).ShouldBe(Printable.OfLatin1(expected));
        Encode(KeyInput.Special(key), Application).ShouldBe(Printable.OfLatin1(expected));
    }

    [Theory]
    [MemberData(nameof(ControlKeys))]
    public void Enter_tab_backspace_and_escape_send_their_control_bytes(Key key, KeyModifiers modifiers, string expected)
    {
        Encode(KeyInput.Special(key, modifiers), Normal).ShouldBe(Printable.OfLatin1(expected));
    }

    [Theory]
    [MemberData(nameof(Characters))]
    public void Characters_are_UTF8_with_Ctrl_making_control_bytes_and_Alt_an_escape_prefix(char character, KeyModifiers modifiers, string expected)
    {
        Encode(KeyInput.Char(character, modifiers), Normal).ShouldBe(Printable.OfLatin1(expected));
    }

    [Fact]
    public void A_character_outside_the_basic_plane_is_four_UTF8_bytes()
    {
        var emoji = KeyInput.Char(new Rune(0x1F600));

        KeyEncoder.Encode(emoji, Normal).ShouldBe(new byte[] { 0xf0, 0x9f, 0x98, 0x80 });
        KeyEncoder.Encode(emoji with { Modifiers = Alt }, Normal).ShouldBe(new byte[] { 0x1b, 0xf0, 0x9f, 0x98, 0x80 });
    }

    [Fact]
    public void Every_letter_with_Ctrl_is_its_position_in_the_alphabet()
    {
        for (char letter = 'a'; letter <= 'z'; letter++)
        {
            KeyEncoder.Encode(KeyInput.Char(letter, Ctrl), Normal).ShouldBe(new[] { (byte)(letter - 'a' + 1) }, $"Ctrl+{letter}");
        }
    }

    [Fact]
    public void Every_special_key_with_every_modifier_set_fits_and_is_well_formed()
    {
        foreach (Key key in Enum.GetValues<Key>().Where(k => k != Key.Character))
        {
            for (int bits = 0; bits < 8; bits++)
            {
                foreach (InputModes modes in new[] { Normal, Application })
                {
                    byte[] bytes = KeyEncoder.Encode(KeyInput.Special(key, (KeyModifiers)bits), modes);
                    string text = Printable.Of(bytes);

                    bytes.Length.ShouldBeInRange(1, KeyEncoder.MaxLength, $"{key} {(KeyModifiers)bits}");
                    bool isControlKey = key is Key.Enter or Key.Tab or Key.Backspace or Key.Escape;
                    if (!isControlKey && bits != 0)
                    {
                        text.ShouldEndWith($";{1 + bits}" + text[^1], customMessage: $"{key} {(KeyModifiers)bits}");
                        text.ShouldStartWith("\\e[", customMessage: $"{key} {(KeyModifiers)bits}");
                    }
                }
            }
        }
    }

    [Fact]
    public void Encoding_into_a_span_does_not_allocate()
    {
        Span<byte> buffer = stackalloc byte[KeyEncoder.MaxLength];
        KeyInput[] keys = [KeyInput.Special(Key.Up, Ctrl), KeyInput.Special(Key.F12), KeyInput.Char('é', Alt), KeyInput.Char('c', Ctrl)];
        KeyEncoder.Encode(keys[0], Normal, buffer); // JIT and static tables first

        long before = GC.GetAllocatedBytesForCurrentThread();
        int total = 0;
        for (int i = 0; i < 1000; i++)
        {
            total += KeyEncoder.Encode(keys[i % keys.Length], Application, buffer);
        }

        (GC.GetAllocatedBytesForCurrentThread() - before).ShouldBe(0);
        total.ShouldBeGreaterThan(0);
    }

    [Fact]
    public void A_destination_too_small_for_any_key_is_refused()
    {
        Should.Throw<ArgumentException>(() => KeyEncoder.Encode(KeyInput.Special(Key.Up), Normal, new byte[4]));
    }

    [Fact]
    public void A_character_key_needs_its_character()
    {
        Should.Throw<ArgumentException>(() => KeyInput.Special(Key.Character));
    }

    [Fact]
    public void Under_decbkm_backspace_sends_bs_and_ctrl_backspace_del()
    {
        var decbkm = new InputModes(BackarrowSendsBackspace: true);

        KeyEncoder.Encode(KeyInput.Special(Key.Backspace), decbkm).ShouldBe(new byte[] { 0x08 });
        KeyEncoder.Encode(KeyInput.Special(Key.Backspace, KeyModifiers.Ctrl), decbkm).ShouldBe(new byte[] { 0x7f });
        KeyEncoder.Encode(KeyInput.Special(Key.Backspace, KeyModifiers.Alt), decbkm).ShouldBe(new byte[] { 0x1b, 0x08 });
    }

    [Fact]
    public void A_program_sets_and_resets_decbkm_and_can_ask_for_it()
    {
        var terminal = new FleetTui.Terminal.Emulation.VirtualTerminal(20, 5);
        var replies = new List<string>();
        terminal.Replied += reply => replies.Add(System.Text.Encoding.ASCII.GetString(reply));

        terminal.Feed("\u001b[?67h\u001b[?67$p");
        terminal.Screen.Modes.BackarrowSendsBackspace.ShouldBeTrue();
        terminal.Feed("\u001b[?67l\u001b[?67$p");

        terminal.Screen.Modes.BackarrowSendsBackspace.ShouldBeFalse();
        replies.ShouldBe(["\u001b[?67;1$y", "\u001b[?67;2$y"]);
    }

    private static string Encode(KeyInput key, InputModes modes) => Printable.Of(KeyEncoder.Encode(key, modes));
}

using System.Buffers;
using FleetTui.Terminal.Pty;

namespace FleetTui.Terminal.Input;

/// <summary>Sends keys, pastes, mouse and focus reports to a program, encoded for the modes its terminal is in.</summary>
public static class PtyInputExtensions
{
    /// <summary>Writes one key press; allocation free.</summary>
    public static void SendKey(this IPtyProcess process, KeyInput key, InputModes modes)
    {
        Span<byte> buffer = stackalloc byte[KeyEncoder.MaxLength];
        process.Write(buffer[..KeyEncoder.Encode(key, modes, buffer)]);
    }

    /// <summary>Writes a mouse report, if the program asked for this kind of event; allocation free.</summary>
    /// <returns>Whether anything was sent (the UI may use the event itself otherwise, e.g. to select text).</returns>
    public static bool SendMouse(this IPtyProcess process, MouseEvent mouse, InputModes modes)
    {
        Span<byte> buffer = stackalloc byte[MouseEncoder.MaxLength];
        int length = MouseEncoder.Encode(mouse, modes, buffer);
        process.Write(buffer[..length]);
        return length > 0;
    }

    /// <summary>Writes a focus report if the program asked for them (mode 1004).</summary>
    public static void SendFocus(this IPtyProcess process, bool focused, InputModes modes)
    {
        Span<byte> buffer = stackalloc byte[FocusEncoder.MaxLength];
        process.Write(buffer[..FocusEncoder.Encode(focused, modes, buffer)]);
    }

    /// <summary>Writes pasted text, bracketed if the program asked for it (mode 2004), in one write so it is never interleaved.</summary>
    public static void SendPaste(this IPtyProcess process, ReadOnlySpan<char> text, InputModes modes)
    {
        var encoded = new ArrayBufferWriter<byte>(text.Length + 16);
        PasteEncoder.Encode(text, modes, encoded);
        process.Write(encoded.WrittenSpan);
    }
}

using System.Buffers;
using System.Text;

namespace FleetTui.Terminal.Input;

/// <summary>
/// Pasted text as a terminal sends it. With bracketed paste (mode 2004) the text is wrapped in <c>ESC[200~</c> …
/// <c>ESC[201~</c> and sent as is, except that any such marker inside it is removed, so a paste cannot end the
/// bracket early and smuggle in keystrokes. Without it, line feeds (and CR LF pairs) become carriage returns,
/// the Enter key, as terminals do.
/// </summary>
public static class PasteEncoder
{
    private static ReadOnlySpan<byte> Start => "\e[200~"u8;

    private static ReadOnlySpan<byte> End => "\e[201~"u8;

    public static byte[] Encode(string text, InputModes modes)
    {
        var output = new ArrayBufferWriter<byte>(text.Length + 16);
        Encode(text, modes, output);
        return output.WrittenSpan.ToArray();
    }

    public static void Encode(ReadOnlySpan<char> text, InputModes modes, IBufferWriter<byte> output)
    {
        byte[] rented = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(text.Length));
        try
        {
            int length = Encoding.UTF8.GetBytes(text, rented);
            length = Clean(rented.AsSpan(0, length), bracketed: modes.BracketedPaste);
            if (modes.BracketedPaste)
            {
                output.Write(Start);
                output.Write(rented.AsSpan(0, length));
                output.Write(End);
            }
            else
            {
                output.Write(rented.AsSpan(0, length));
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>
    /// One pass, in place (the write position never passes the read position): drop the bracket markers, checked
    /// against what was kept so far so that removing one cannot assemble another, and convert line ends when unbracketed.
    /// </summary>
    private static int Clean(Span<byte> text, bool bracketed)
    {
        int kept = 0;
        byte previous = 0;
        foreach (byte current in text)
        {
            byte input = current;
            if (!bracketed && input == (byte)'\n')
            {
                if (previous == (byte)'\r')
                {
                    previous = input;
                    continue; // CR LF: the CR already stands for the line end
                }

                input = (byte)'\r';
            }

            previous = current;
            text[kept++] = input;
            if (input == (byte)'~' && kept >= End.Length)
            {
                ReadOnlySpan<byte> tail = text.Slice(kept - End.Length, End.Length);
                if (tail.SequenceEqual(End) || tail.SequenceEqual(Start))
                {
                    kept -= End.Length;
                }
            }
        }

        return kept;
    }
}

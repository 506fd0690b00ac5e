using System.Text;

namespace FleetTui.Terminal.Tests.Input;

/// <summary>Shows bytes with their control characters spelled out (ESC as \e, others as \xNN), so failures are readable.</summary>
internal static class Printable
{
    public static string Of(ReadOnlySpan<byte> bytes)
    {
        var text = new StringBuilder();
        foreach (byte b in bytes)
        {
            text.Append(b switch
            {
                0x1b => "\\e",
                < 0x20 or >= 0x7f => $"\\x{b:x2}",
                _ => ((char)b).ToString(),
            });
        }

        return text.ToString();
    }

    /// <summary>The expected bytes of a C# string literal: each char is one byte (Latin-1), so "\xc3\xa9" is UTF-8 é.</summary>
    public static string OfLatin1(string expected) => Of(Encoding.Latin1.GetBytes(expected));
}

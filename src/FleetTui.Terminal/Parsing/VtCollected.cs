namespace FleetTui.Terminal.Parsing;

/// <summary>
/// What was collected between the introducer and the final byte: the private marker (<c>? &gt; &lt; =</c>) and up to two
/// intermediates (0x20-0x2F). A sequence with more is marked <see cref="Overflowed"/> and should be ignored.
/// </summary>
public readonly record struct VtCollected(byte Private, byte First, byte Second, bool Overflowed)
{
    /// <summary>A key combining marker and intermediates, used to register handlers: <c>Private &lt;&lt; 16 | First &lt;&lt; 8 | Second</c>.</summary>
    public int Key => (Private << 16) | (First << 8) | Second;

    public static int KeyOf(char privateMarker = '\0', char intermediate = '\0') =>
        ((byte)privateMarker << 16) | ((byte)intermediate << 8);

    public override string ToString()
    {
        Span<char> chars = stackalloc char[3];
        var n = 0;
        if (Private != 0) chars[n++] = (char)Private;
        if (First != 0) chars[n++] = (char)First;
        if (Second != 0) chars[n++] = (char)Second;
        return new string(chars[..n]);
    }
}

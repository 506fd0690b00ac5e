namespace FleetTui.Terminal.Parsing;

/// <summary>
/// Receives what <see cref="VtParser"/> recognises. Spans and <see cref="VtParams"/> are only valid during the call.
/// </summary>
public interface IVtHandler
{
    /// <summary>A run of printable code points (already UTF-8 decoded; invalid input arrives as U+FFFD).</summary>
    void Print(ReadOnlySpan<int> codePoints);

    /// <summary>
    /// A run of printable ASCII (0x20-0x7E) straight from the input, in order with the other calls: the hot path of plain
    /// text, which a screen can copy without widening it to code points. By default it is widened and given to <see cref="Print"/>.
    /// </summary>
    void PrintAscii(ReadOnlySpan<byte> text)
    {
        Span<int> codePoints = stackalloc int[Math.Min(text.Length, 256)];
        while (!text.IsEmpty)
        {
            var n = Math.Min(text.Length, codePoints.Length);
            AsciiWidener.Widen(text[..n], codePoints);
            Print(codePoints[..n]);
            text = text[n..];
        }
    }

    /// <summary>A C0 control (BEL, BS, HT, LF, VT, FF, CR, SO, SI, ...).</summary>
    void Execute(byte control);

    void CsiDispatch(VtParams parameters, VtCollected collected, byte final);

    void EscDispatch(VtCollected collected, byte final);

    /// <summary>A complete OSC string (<c>Ps;Pt</c>), terminated by BEL or ST. Over-long strings are dropped, never truncated.</summary>
    void OscDispatch(ReadOnlySpan<byte> payload);

    void DcsHook(VtParams parameters, VtCollected collected, byte final);

    void DcsPut(ReadOnlySpan<byte> data);

    void DcsUnhook();
}

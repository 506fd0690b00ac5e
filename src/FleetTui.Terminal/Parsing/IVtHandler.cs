namespace FleetTui.Terminal.Parsing;

/// <summary>
/// Receives what <see cref="VtParser"/> recognises. Spans and <see cref="VtParams"/> are only valid during the call.
/// </summary>
public interface IVtHandler
{
    /// <summary>A run of printable code points (already UTF-8 decoded; invalid input arrives as U+FFFD).</summary>
    void Print(ReadOnlySpan<int> codePoints);

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

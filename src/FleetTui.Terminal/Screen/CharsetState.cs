namespace FleetTui.Terminal.Screen;

/// <summary>G0 and G1 designations and which one is shifted in (SI/SO). Saved by DECSC.</summary>
public record struct CharsetState(Charset G0, Charset G1, bool ShiftOut)
{
    public readonly Charset Active => ShiftOut ? G1 : G0;
}

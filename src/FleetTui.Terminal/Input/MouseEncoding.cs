namespace FleetTui.Terminal.Input;

/// <summary>How mouse reports are spelled.</summary>
public enum MouseEncoding
{
    /// <summary><c>CSI M Cb Cx Cy</c>, each a byte offset by 32; coordinates past 223 are clamped.</summary>
    Default,

    /// <summary>Mode 1006: <c>CSI &lt; Cb ; Cx ; Cy M</c> (press, motion) or <c>m</c> (release), in decimal, unbounded.</summary>
    Sgr,
}

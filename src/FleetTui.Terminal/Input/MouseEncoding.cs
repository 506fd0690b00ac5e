namespace FleetTui.Terminal.Input;

/// <summary>How mouse reports are spelled.</summary>
public enum MouseEncoding
{
    /// <summary><c>CSI M Cb Cx Cy</c>, each a byte offset by 32; coordinates past 223 are clamped.</summary>
    Default,

    /// <summary>Mode 1006: <c>CSI &lt; Cb ; Cx ; Cy M</c> (press, motion) or <c>m</c> (release), in decimal, unbounded.</summary>
    Sgr,

    /// <summary>Mode 1005: as <see cref="Default"/>, but each value past 127 is a UTF-8 character (coordinates up to 2015).</summary>
    Utf8,

    /// <summary>Mode 1015 (urxvt): <c>CSI Cb ; Cx ; Cy M</c> in decimal, Cb offset by 32 as in the default encoding.</summary>
    Urxvt,

    /// <summary>
    /// Mode 1016: as <see cref="Sgr"/> with the pointer's position in pixels. The outer terminal's cell size is not
    /// known inside the cockpit, so the middle of the cell is reported for a cell of <see cref="MouseEncoder.AssumedCellWidth"/>
    /// by <see cref="MouseEncoder.AssumedCellHeight"/> pixels.
    /// </summary>
    SgrPixels,
}

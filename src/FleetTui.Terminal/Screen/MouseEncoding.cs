namespace FleetTui.Terminal.Screen;

/// <summary>How mouse reports are encoded (default X10 bytes, 1005 UTF-8, 1006 SGR, 1016 SGR pixels).</summary>
public enum MouseEncoding : byte
{
    Default,
    Utf8,
    Sgr,
    SgrPixels,
    Urxvt,
}

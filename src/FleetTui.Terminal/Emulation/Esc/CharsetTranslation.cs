using FleetTui.Terminal.Screen;

namespace FleetTui.Terminal.Emulation.Esc;

/// <summary>Maps ASCII to the designated character set: DEC special graphics (line drawing) and the British pound.</summary>
internal static class CharsetTranslation
{
    // 0x5F..0x7E in the DEC special graphics set (as xterm maps them).
    private static readonly int[] DecSpecial =
    [
        0x00A0, 0x25C6, 0x2592, 0x2409, 0x240C, 0x240D, 0x240A, 0x00B0, 0x00B1, 0x2424, 0x240B, 0x2518, 0x2510, 0x250C,
        0x2514, 0x253C, 0x23BA, 0x23BB, 0x2500, 0x23BC, 0x23BD, 0x251C, 0x2524, 0x2534, 0x252C, 0x2502, 0x2264, 0x2265,
        0x03C0, 0x2260, 0x00A3, 0x00B7,
    ];

    public static int Translate(Charset charset, int codePoint) => charset switch
    {
        Charset.DecSpecialGraphics when codePoint is >= 0x5F and <= 0x7E => DecSpecial[codePoint - 0x5F],
        Charset.British when codePoint == '#' => 0x00A3,
        _ => codePoint,
    };
}

using Wcwidth;

namespace FleetTui.Terminal.Screen;

/// <summary>Display width of a code point (0 combining, 1, 2 wide), from the Wcwidth package, cached for the BMP.</summary>
public static class CharacterWidth
{
    private static readonly sbyte[] Bmp = BuildBmp();

    public static int Of(int codePoint)
    {
        if (codePoint < 0x7F)
            return codePoint >= 0x20 ? 1 : 0;
        if (codePoint < 0x10000)
            return Bmp[codePoint];
        return Normalize(UnicodeCalculator.GetWidth(codePoint));
    }

    private static sbyte[] BuildBmp()
    {
        var table = new sbyte[0x10000];
        for (var cp = 0; cp < table.Length; cp++)
            table[cp] = cp is >= 0xD800 and <= 0xDFFF ? (sbyte)1 : (sbyte)Normalize(UnicodeCalculator.GetWidth(cp));
        return table;
    }

    // Controls never reach the screen; an unassigned code point (-1) takes one cell, as in tmux.
    private static int Normalize(int width) => width < 0 ? 1 : width;
}

namespace FleetTui.Display;

/// <summary>
/// The one rule for drawing a 24-bit colour at a terminal's depth: the nearest colour it has, by perceived distance, in
/// Oklab (where equal distances look equally different; a plain RGB distance had turned light grey into yellow).
/// At 256 colours: the nearest of the 6×6×6 cube and the grey ramp (16–255; 0–15 are whatever the user configured).
/// At 16 (xterm's default palette as the reference; the terminal's own may differ, that is the user's choice) the
/// palette is too coarse for plain distance: every muted colour is nearest to a grey, so a theme's red error text would
/// turn grey. There a colour with a visible hue (Oklab chroma over <see cref="ChromaticThreshold"/>) gets the slot of the
/// nearest hue (lightness weighing less, choosing between normal and bright), and a colourless one the nearest grey.
/// </summary>
public static class ColorQuantizer
{
    /// <summary>xterm's default 16 colours: black, red, green, yellow, blue, magenta, cyan, white, then the bright ones.</summary>
    public static readonly IReadOnlyList<(byte R, byte G, byte B)> Xterm16 =
    [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
        (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
    ];

    /// <summary>Oklab chroma above which a colour is seen as having a hue (the default theme's muted grey is 0.03, its blue 0.06).</summary>
    public const double ChromaticThreshold = 0.05;

    private static readonly Oklab[] Palette16 = [.. Xterm16.Select(c => Oklab.From(c.R, c.G, c.B))];
    private static readonly int[] Chromatic16 = [1, 2, 3, 4, 5, 6, 9, 10, 11, 12, 13, 14];
    private static readonly int[] Greys16 = [0, 7, 8, 15];
    private static readonly Oklab[] Palette256 = [.. Enumerable.Range(0, 256).Select(i => Xterm256(i)).Select(c => Oklab.From(c.R, c.G, c.B))];

    /// <summary>The palette index drawn for this colour at <paramref name="depth"/>, or -1 at 24 bits (drawn as it is).</summary>
    public static int Index(byte r, byte g, byte b, ColorDepth depth) => depth switch
    {
        ColorDepth.Colors16 => Nearest16(Oklab.From(r, g, b)),
        ColorDepth.Colors256 => Nearest(Palette256, 16, Oklab.From(r, g, b)),
        _ => -1,
    };

    /// <summary>The colour the terminal is expected to show for this one at <paramref name="depth"/>.</summary>
    public static (byte R, byte G, byte B) Drawn(byte r, byte g, byte b, ColorDepth depth) => Index(r, g, b, depth) switch
    {
        < 0 => (r, g, b),
        var index when depth == ColorDepth.Colors16 => Xterm16[index],
        var index => Xterm256(index),
    };

    /// <summary>xterm's 256-colour palette: the 16 above, a 6×6×6 cube, then 24 greys.</summary>
    public static (byte R, byte G, byte B) Xterm256(int index)
    {
        if (index < 16)
            return Xterm16[Math.Max(0, index)];
        if (index >= 232)
        {
            var grey = (byte)(8 + (index - 232) * 10);
            return (grey, grey, grey);
        }
        var cube = index - 16;
        static byte Level(int step) => (byte)(step == 0 ? 0 : 55 + step * 40);
        return (Level(cube / 36), Level(cube / 6 % 6), Level(cube % 6));
    }

    private static int Nearest16(Oklab color)
    {
        var chroma = color.Chroma;
        if (chroma <= ChromaticThreshold)
            return Greys16.MinBy(i => Math.Abs(Palette16[i].L - color.L));
        return Chromatic16.MinBy(i =>
        {
            var slot = Palette16[i];
            double dl = 0.3 * (slot.L - color.L), da = slot.A / slot.Chroma - color.A / chroma, db = slot.B / slot.Chroma - color.B / chroma;
            return dl * dl + da * da + db * db;
        });
    }

    private static int Nearest(Oklab[] palette, int from, Oklab color)
    {
        var best = from;
        var bestDistance = double.MaxValue;
        for (var i = from; i < palette.Length; i++)
        {
            var distance = palette[i].DistanceSquared(color);
            if (distance < bestDistance)
            {
                bestDistance = distance;
                best = i;
            }
        }
        return best;
    }

    /// <summary>Björn Ottosson's Oklab: a perceptual colour space (sRGB in, L a b out).</summary>
    private readonly record struct Oklab(double L, double A, double B)
    {
        public static Oklab From(byte r, byte g, byte b)
        {
            double lr = Linear(r), lg = Linear(g), lb = Linear(b);
            var l = Math.Cbrt(0.4122214708 * lr + 0.5363325363 * lg + 0.0514459929 * lb);
            var m = Math.Cbrt(0.2119034982 * lr + 0.6806995451 * lg + 0.1073969566 * lb);
            var s = Math.Cbrt(0.0883024619 * lr + 0.2817188376 * lg + 0.6299787005 * lb);
            return new Oklab(
                0.2104542553 * l + 0.7936177850 * m - 0.0040720468 * s,
                1.9779984951 * l - 2.4285922050 * m + 0.4505937099 * s,
                0.0259040371 * l + 0.7827717662 * m - 0.8086757660 * s);
        }

        public double Chroma => Math.Sqrt(A * A + B * B);

        public double DistanceSquared(Oklab other)
        {
            double dl = L - other.L, da = A - other.A, db = B - other.B;
            return dl * dl + da * da + db * db;
        }

        private static double Linear(byte channel)
        {
            var c = channel / 255.0;
            return c <= 0.04045 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        }
    }
}

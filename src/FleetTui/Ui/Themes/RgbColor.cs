using System.Globalization;

namespace FleetTui.Ui.Themes;

/// <summary>A 24-bit color as themes write it (<c>#rrggbb</c>). Independent of Terminal.Gui so themes load without a driver.</summary>
public readonly record struct RgbColor(byte R, byte G, byte B)
{
    public static bool TryParse(string text, out RgbColor color)
    {
        color = default;
        if (text.Length != 7 || text[0] != '#' ||
            !int.TryParse(text.AsSpan(1), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value))
            return false;
        color = new RgbColor((byte)(value >> 16), (byte)(value >> 8), (byte)value);
        return true;
    }

    public override string ToString() => $"#{R:x2}{G:x2}{B:x2}";
}

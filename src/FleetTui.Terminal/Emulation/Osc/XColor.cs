using System.Globalization;
using FleetTui.Terminal.Screen;

namespace FleetTui.Terminal.Emulation.Osc;

/// <summary>X11 color specs as OSC color sequences use them: <c>rgb:rr/gg/bb</c> (1-4 hex digits each) and <c>#rrggbb</c>.</summary>
internal static class XColor
{
    public static string Format(TerminalColor color) =>
        $"rgb:{color.R:x2}{color.R:x2}/{color.G:x2}{color.G:x2}/{color.B:x2}{color.B:x2}";

    public static bool TryParse(string spec, out TerminalColor color)
    {
        color = default;
        if (spec.StartsWith("rgb:", StringComparison.Ordinal))
        {
            var parts = spec[4..].Split('/');
            if (parts.Length != 3)
                return false;
            Span<int> rgb = stackalloc int[3];
            for (var i = 0; i < 3; i++)
            {
                var part = parts[i];
                if (part.Length is < 1 or > 4 || !int.TryParse(part, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var v))
                    return false;
                var max = (1 << (4 * part.Length)) - 1;
                rgb[i] = v * 255 / max;
            }

            color = TerminalColor.Rgb(rgb[0], rgb[1], rgb[2]);
            return true;
        }

        if (spec.Length == 7 && spec[0] == '#' &&
            int.TryParse(spec.AsSpan(1), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var packed))
        {
            color = TerminalColor.Rgb(packed >> 16, (packed >> 8) & 0xFF, packed & 0xFF);
            return true;
        }

        return false;
    }
}

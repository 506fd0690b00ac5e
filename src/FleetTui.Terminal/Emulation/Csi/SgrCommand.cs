using System.Runtime.CompilerServices;
using FleetTui.Terminal.Parsing;
using FleetTui.Terminal.Screen;

namespace FleetTui.Terminal.Emulation.Csi;

/// <summary>
/// SGR (<c>CSI ... m</c>): attributes and colors in both forms, <c>38;5;n</c> / <c>38;2;r;g;b</c> and
/// <c>38:5:n</c> / <c>38:2::r:g:b</c> (also <c>38:2:r:g:b</c>), underline styles <c>4:0</c>..<c>4:5</c>, underline color 58/59.
/// </summary>
internal static class SgrCommand
{
    public static void Register(CsiDispatchTable table) => table.Register('m', Apply);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot path: skip tier-0 so a short `fleet replay` runs optimized code
    public static void Apply(TerminalHandler t, VtParams p)
    {
        var cursor = t.Screen.Cursor;
        var pen = cursor.Pen;
        var values = p.Values;
        if (values.IsEmpty)
        {
            cursor.Pen = new CellStyle { HyperlinkId = pen.HyperlinkId };
            return;
        }

        for (var i = 0; i < values.Length; i++)
        {
            var code = Math.Max(0, values[i]); // omitted reads as 0
            switch (code)
            {
                case 0: pen = new CellStyle { HyperlinkId = pen.HyperlinkId }; break;
                case 1: pen = pen.With(CellFlags.Bold, true); break;
                case 2: pen = pen.With(CellFlags.Dim, true); break;
                case 3: pen = pen.With(CellFlags.Italic, true); break;
                case 4: pen = pen with { Underline = UnderlineOf(p, i) }; break;
                case 5 or 6: pen = pen.With(CellFlags.Blink, true); break;
                case 7: pen = pen.With(CellFlags.Inverse, true); break;
                case 8: pen = pen.With(CellFlags.Hidden, true); break;
                case 9: pen = pen.With(CellFlags.Strikethrough, true); break;
                case 21: pen = pen with { Underline = UnderlineStyle.Double }; break;
                case 22: pen = pen with { Flags = pen.Flags & ~(CellFlags.Bold | CellFlags.Dim) }; break;
                case 23: pen = pen.With(CellFlags.Italic, false); break;
                case 24: pen = pen with { Underline = UnderlineStyle.None }; break;
                case 25: pen = pen.With(CellFlags.Blink, false); break;
                case 27: pen = pen.With(CellFlags.Inverse, false); break;
                case 28: pen = pen.With(CellFlags.Hidden, false); break;
                case 29: pen = pen.With(CellFlags.Strikethrough, false); break;
                case >= 30 and <= 37: pen = pen with { Foreground = TerminalColor.Indexed(code - 30) }; break;
                case 38: pen = pen with { Foreground = ExtendedColor(p, ref i, pen.Foreground) }; break;
                case 39: pen = pen with { Foreground = default }; break;
                case >= 40 and <= 47: pen = pen with { Background = TerminalColor.Indexed(code - 40) }; break;
                case 48: pen = pen with { Background = ExtendedColor(p, ref i, pen.Background) }; break;
                case 49: pen = pen with { Background = default }; break;
                case 53: pen = pen.With(CellFlags.Overline, true); break;
                case 55: pen = pen.With(CellFlags.Overline, false); break;
                case 58: pen = pen with { UnderlineColor = ExtendedColor(p, ref i, pen.UnderlineColor) }; break;
                case 59: pen = pen with { UnderlineColor = default }; break;
                case >= 90 and <= 97: pen = pen with { Foreground = TerminalColor.Indexed(code - 90 + 8) }; break;
                case >= 100 and <= 107: pen = pen with { Background = TerminalColor.Indexed(code - 100 + 8) }; break;
            }
        }

        cursor.Pen = pen;
    }

    private static UnderlineStyle UnderlineOf(VtParams p, int i)
    {
        if (!p.HasSubParams(i))
            return UnderlineStyle.Single;
        var style = p.SubParams(i)[0];
        return style is >= 0 and <= 5 ? (UnderlineStyle)style : UnderlineStyle.Single;
    }

    /// <summary>Reads 5;n or 2;r;g;b after 38/48/58, from sub-parameters or from the following parameters.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot path: skip tier-0 so a short `fleet replay` runs optimized code
    private static TerminalColor ExtendedColor(VtParams p, ref int i, TerminalColor current)
    {
        if (p.HasSubParams(i))
        {
            var sub = p.SubParams(i);
            switch (sub[0])
            {
                case 5 when sub.Length >= 2 && sub[1] >= 0:
                    return TerminalColor.Indexed(Math.Min(255, sub[1]));
                case 2 when sub.Length >= 5:
                    // 38:2:<colorspace>:r:g:b (ITU T.416).
                    return Rgb(sub[2], sub[3], sub[4]);
                case 2 when sub.Length == 4:
                    // 38:2:r:g:b, as many programs send it.
                    return Rgb(sub[1], sub[2], sub[3]);
                default:
                    return current;
            }
        }

        switch (p.Value(i + 1, -1))
        {
            case 5:
                if (i + 2 >= p.Count)
                {
                    i = p.Count;
                    return current;
                }

                var index = p.Value(i + 2, 0);
                i += 2;
                return TerminalColor.Indexed(Math.Min(255, index));
            case 2:
                if (i + 4 >= p.Count)
                {
                    i = p.Count;
                    return current;
                }

                var color = Rgb(p.Value(i + 2, 0), p.Value(i + 3, 0), p.Value(i + 4, 0));
                i += 4;
                return color;
            default:
                // Unknown color space: skip the rest, as xterm does, rather than misread the following numbers.
                i = p.Count;
                return current;
        }
    }

    private static TerminalColor Rgb(int r, int g, int b) =>
        TerminalColor.Rgb(Math.Clamp(r, 0, 255), Math.Clamp(g, 0, 255), Math.Clamp(b, 0, 255));
}

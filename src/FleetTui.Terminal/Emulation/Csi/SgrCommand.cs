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

    /// <summary>
    /// Applies the codes to the pen. The pen's parts are held in locals and the pen is written back once: a sequence is
    /// usually one or two codes, and building a 16-byte style per code cost as much as reading the parameters.
    /// </summary>
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

        var foreground = pen.Foreground;
        var background = pen.Background;
        var underlineColor = pen.UnderlineColor;
        var flags = pen.Flags;
        var underline = pen.Underline;
        for (var i = 0; i < values.Length; i++)
        {
            switch (values[i])
            {
                case <= 0: // omitted reads as 0
                    foreground = background = underlineColor = default;
                    flags = CellFlags.None;
                    underline = UnderlineStyle.None;
                    break;
                case 1: flags |= CellFlags.Bold; break;
                case 2: flags |= CellFlags.Dim; break;
                case 3: flags |= CellFlags.Italic; break;
                case 4: underline = UnderlineOf(p, i); break;
                case 5 or 6: flags |= CellFlags.Blink; break;
                case 7: flags |= CellFlags.Inverse; break;
                case 8: flags |= CellFlags.Hidden; break;
                case 9: flags |= CellFlags.Strikethrough; break;
                case 21: underline = UnderlineStyle.Double; break;
                case 22: flags &= ~(CellFlags.Bold | CellFlags.Dim); break;
                case 23: flags &= ~CellFlags.Italic; break;
                case 24: underline = UnderlineStyle.None; break;
                case 25: flags &= ~CellFlags.Blink; break;
                case 27: flags &= ~CellFlags.Inverse; break;
                case 28: flags &= ~CellFlags.Hidden; break;
                case 29: flags &= ~CellFlags.Strikethrough; break;
                case >= 30 and <= 37: foreground = TerminalColor.Indexed(values[i] - 30); break;
                case 38: foreground = ExtendedColor(p, values, ref i, foreground); break;
                case 39: foreground = default; break;
                case >= 40 and <= 47: background = TerminalColor.Indexed(values[i] - 40); break;
                case 48: background = ExtendedColor(p, values, ref i, background); break;
                case 49: background = default; break;
                case 53: flags |= CellFlags.Overline; break;
                case 55: flags &= ~CellFlags.Overline; break;
                case 58: underlineColor = ExtendedColor(p, values, ref i, underlineColor); break;
                case 59: underlineColor = default; break;
                case >= 90 and <= 97: foreground = TerminalColor.Indexed(values[i] - 90 + 8); break;
                case >= 100 and <= 107: background = TerminalColor.Indexed(values[i] - 100 + 8); break;
            }
        }

        cursor.Pen = new CellStyle(foreground, background, underlineColor, flags, underline, pen.HyperlinkId);
    }

    private static UnderlineStyle UnderlineOf(VtParams p, int i)
    {
        if (!p.HasSubParams(i))
            return UnderlineStyle.Single;
        var style = p.SubParams(i)[0];
        return style is >= 0 and <= 5 ? (UnderlineStyle)style : UnderlineStyle.Single;
    }

    /// <summary>
    /// Reads 5;n or 2;r;g;b after 38/48/58, from sub-parameters or from the following parameters, read straight from
    /// <paramref name="values"/> (omitted ones as 0). <see cref="VtParams.HasSubParams"/> answers a sequence without any
    /// sub-parameters (nearly all of them) from one field.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot path: skip tier-0 so a short `fleet replay` runs optimized code
    private static TerminalColor ExtendedColor(VtParams p, ReadOnlySpan<int> values, ref int i, TerminalColor current)
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

        var count = values.Length;
        switch (i + 1 < count ? values[i + 1] : VtParams.Omitted)
        {
            case 5:
                if (i + 2 >= count)
                {
                    i = count;
                    return current;
                }

                var index = Math.Max(0, values[i + 2]);
                i += 2;
                return TerminalColor.Indexed(Math.Min(255, index));
            case 2:
                if (i + 4 >= count)
                {
                    i = count;
                    return current;
                }

                var color = Rgb(values[i + 2], values[i + 3], values[i + 4]); // omitted (-1) clamps to 0
                i += 4;
                return color;
            default:
                // Unknown color space: skip the rest, as xterm does, rather than misread the following numbers.
                i = count;
                return current;
        }
    }

    private static TerminalColor Rgb(int r, int g, int b) =>
        TerminalColor.Rgb(Math.Clamp(r, 0, 255), Math.Clamp(g, 0, 255), Math.Clamp(b, 0, 255));
}

using System.Text;

namespace FleetTui.Terminal.Screen;

/// <summary>Writes a <see cref="CellStyle"/> back as SGR parameters (for <c>fleet replay --ansi</c> and DECRQSS).</summary>
public static class SgrEncoder
{
    /// <summary>The parameters of an SGR that sets exactly <paramref name="style"/> from a reset: <c>0;1;38;5;100</c>.</summary>
    public static string Parameters(CellStyle style)
    {
        var sb = new StringBuilder();
        AppendParameters(sb, style);
        return sb.ToString();
    }

    public static void AppendParameters(StringBuilder sb, CellStyle style)
    {
        sb.Append('0');
        if (style.Has(CellFlags.Bold)) sb.Append(";1");
        if (style.Has(CellFlags.Dim)) sb.Append(";2");
        if (style.Has(CellFlags.Italic)) sb.Append(";3");
        if (style.Underline == UnderlineStyle.Single) sb.Append(";4");
        else if (style.Underline != UnderlineStyle.None) sb.Append(";4:").Append((int)style.Underline);
        if (style.Has(CellFlags.Blink)) sb.Append(";5");
        if (style.Has(CellFlags.Inverse)) sb.Append(";7");
        if (style.Has(CellFlags.Hidden)) sb.Append(";8");
        if (style.Has(CellFlags.Strikethrough)) sb.Append(";9");
        if (style.Has(CellFlags.Overline)) sb.Append(";53");
        AppendColor(sb, style.Foreground, 30, 90, 38);
        AppendColor(sb, style.Background, 40, 100, 48);
        AppendColor(sb, style.UnderlineColor, -1, -1, 58);
    }

    private static void AppendColor(StringBuilder sb, TerminalColor color, int basic, int bright, int extended)
    {
        switch (color.Kind)
        {
            case ColorKind.Indexed when color.Index < 8 && basic >= 0:
                sb.Append(';').Append(basic + color.Index);
                break;
            case ColorKind.Indexed when color.Index < 16 && bright >= 0:
                sb.Append(';').Append(bright + color.Index - 8);
                break;
            case ColorKind.Indexed:
                sb.Append(';').Append(extended).Append(";5;").Append(color.Index);
                break;
            case ColorKind.Rgb:
                sb.Append(';').Append(extended).Append(";2;").Append(color.R).Append(';').Append(color.G).Append(';').Append(color.B);
                break;
        }
    }
}

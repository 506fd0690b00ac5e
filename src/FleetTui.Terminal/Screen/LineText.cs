using System.Text;

namespace FleetTui.Terminal.Screen;

/// <summary>Turns a line into text: plain (as tmux's capture-pane prints it) or with SGR attributes.</summary>
public static class LineText
{
    public static string Plain(ScreenBuffer screen, Line line)
    {
        var sb = new StringBuilder(line.Columns);
        AppendPlain(sb, screen, line);
        return sb.ToString();
    }

    public static void AppendPlain(StringBuilder sb, ScreenBuffer screen, Line line)
    {
        // The blank tail after the stored cells is trimmed whatever its style.
        var cells = line.StoredCells;
        var length = cells.Length;
        while (length > 0 && (cells[length - 1].IsEmpty || cells[length - 1].CodePoint == ' '))
            length--;
        for (var i = 0; i < length; i++)
            AppendCell(sb, screen, cells[i]);
    }

    /// <summary>The line with its attributes as SGR sequences; starts from a reset and ends reset when styled.</summary>
    public static void AppendAnsi(StringBuilder sb, ScreenBuffer screen, Line line)
    {
        // A blank tail in the default style is trimmed without being read; a coloured one is printed.
        var length = line.FillStyle == default ? line.StoredCells.Length : line.FillEnd;
        while (length > 0 && line[length - 1].IsEmpty && line[length - 1].Style == default)
            length--;
        var current = default(CellStyle);
        for (var i = 0; i < length; i++)
        {
            ref readonly var cell = ref line[i];
            var style = cell.Style with { HyperlinkId = 0 };
            if (style != current)
            {
                sb.Append("\e[");
                SgrEncoder.AppendParameters(sb, style);
                sb.Append('m');
                current = style;
            }

            AppendCell(sb, screen, cell);
        }

        if (current != default)
            sb.Append("\e[0m");
    }

    internal static void AppendCell(StringBuilder sb, ScreenBuffer screen, in Cell cell)
    {
        if (cell.IsSpacer)
            return;
        if (cell.HasGrapheme)
            sb.Append(screen.Graphemes[cell.GraphemeIndex]);
        else if (cell.IsEmpty)
            sb.Append(' ');
        else if (cell.CodePoint < 0x10000)
            sb.Append((char)cell.CodePoint);
        else
            sb.Append(char.ConvertFromUtf32(cell.CodePoint));
    }
}

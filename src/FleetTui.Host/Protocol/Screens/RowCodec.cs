using FleetTui.Terminal.Screen;

namespace FleetTui.Host.Protocol.Screens;

/// <summary>
/// One screen row on the wire, as segments: a style change, a run of narrow characters (one cell each), a wide
/// character (it and its spacer), a grapheme cluster with its width, a run of blank cells, an orphan spacer. A row
/// starts in the default style; cells after the last segment are blank in the default style, so trailing blanks cost
/// nothing. Widths travel with the cells: the client never measures a character, so it cannot disagree with the host.
/// </summary>
public static class RowCodec
{
    private const byte StyleSegment = 1;
    private const byte NarrowRun = 2;
    private const byte WideCell = 3;
    private const byte GraphemeCell = 4;
    private const byte BlankRun = 5;
    private const byte SpacerCell = 6;

    public static void Encode(ReadOnlySpan<Cell> cells, ScreenBuffer screen, WireWriter output)
    {
        var end = cells.Length;
        while (end > 0 && cells[end - 1].IsEmpty && !cells[end - 1].IsSpacer && cells[end - 1].Style == default)
            end--;
        var style = default(CellStyle);
        var column = 0;
        while (column < end)
        {
            var cell = cells[column];
            if (cell.Style != style)
            {
                style = cell.Style;
                output.U8(StyleSegment);
                WriteStyle(style, output);
            }
            if (cell.IsSpacer)
            {
                output.U8(SpacerCell);
                column++;
            }
            else if (cell.HasGrapheme)
            {
                output.U8(GraphemeCell);
                output.U8((byte)cell.Width);
                output.String(screen.GetCellText(cell));
                column += SkipSpacer(cells, column, end);
            }
            else if (cell.IsWide)
            {
                output.U8(WideCell);
                output.Rune(cell.CodePoint);
                column += SkipSpacer(cells, column, end);
            }
            else if (cell.IsEmpty)
            {
                var run = Run(cells, column, end, style, static c => c.IsEmpty && !c.IsSpacer);
                output.U8(BlankRun);
                output.U16(run);
                column += run;
            }
            else
            {
                var run = Run(cells, column, end, style, static c => !c.IsEmpty && !c.IsSpacer && !c.IsWide && !c.HasGrapheme);
                output.U8(NarrowRun);
                output.U16(run);
                for (var i = column; i < column + run; i++)
                    output.Rune(cells[i].CodePoint);
                column += run;
            }
        }
    }

    /// <summary>Decodes a row into <paramref name="cells"/> (cleared first); grapheme texts go to <paramref name="graphemes"/>, indexed by the cells.</summary>
    public static void Decode(ref WireReader input, Span<Cell> cells, List<string> graphemes)
    {
        cells.Clear();
        var style = default(CellStyle);
        var column = 0;
        while (!input.AtEnd)
        {
            switch (input.U8())
            {
                case StyleSegment:
                    style = ReadStyle(ref input);
                    break;
                case SpacerCell:
                    Put(cells, ref column, Cell.Spacer(style));
                    break;
                case GraphemeCell:
                {
                    var width = input.U8() == 2 ? 2 : 1;
                    graphemes.Add(input.String());
                    Put(cells, ref column, Cell.WithGrapheme(graphemes.Count - 1, width, style));
                    if (width == 2)
                        Put(cells, ref column, Cell.Spacer(style));
                    break;
                }
                case WideCell:
                    Put(cells, ref column, Cell.Wide(input.Rune(), style));
                    Put(cells, ref column, Cell.Spacer(style));
                    break;
                case BlankRun:
                    for (var n = input.U16(); n > 0; n--)
                        Put(cells, ref column, Cell.Blank(style));
                    break;
                case NarrowRun:
                    for (var n = input.U16(); n > 0; n--)
                        Put(cells, ref column, Cell.Narrow(input.Rune(), style));
                    break;
                default:
                    throw new ProtocolException("an unknown segment in a screen row");
            }
        }
    }

    /// <summary>Cells beyond the row's width (a hostile or broken peer) are dropped, never written out of bounds.</summary>
    private static void Put(Span<Cell> cells, ref int column, Cell cell)
    {
        if (column < cells.Length)
            cells[column] = cell;
        column++;
    }

    private static int SkipSpacer(ReadOnlySpan<Cell> cells, int column, int end) =>
        column + 1 < end && cells[column + 1].IsSpacer ? 2 : 1;

    private static int Run(ReadOnlySpan<Cell> cells, int from, int end, CellStyle style, Func<Cell, bool> belongs)
    {
        var to = from;
        while (to < end && to - from < ushort.MaxValue && cells[to].Style == style && belongs(cells[to]))
            to++;
        return to - from;
    }

    private static void WriteStyle(in CellStyle style, WireWriter output)
    {
        output.U32(style.Foreground.Packed);
        output.U32(style.Background.Packed);
        output.U32(style.UnderlineColor.Packed);
        output.U8((byte)style.Flags);
        output.U8((byte)style.Underline);
    }

    private static CellStyle ReadStyle(ref WireReader input) =>
        new(Color(input.U32()), Color(input.U32()), Color(input.U32()), (CellFlags)input.U8(), (UnderlineStyle)input.U8(), 0);

    private static TerminalColor Color(uint packed) => (packed >> 24) switch
    {
        1 => TerminalColor.Indexed((int)(packed & 0xFF)),
        2 => TerminalColor.Rgb((int)(packed >> 16) & 0xFF, (int)(packed >> 8) & 0xFF, (int)packed & 0xFF),
        _ => TerminalColor.Default,
    };
}

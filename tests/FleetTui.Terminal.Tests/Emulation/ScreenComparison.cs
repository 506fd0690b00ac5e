using FleetTui.Terminal.Screen;
using Shouldly;

namespace FleetTui.Terminal.Tests.Emulation;

/// <summary>
/// Two screens fed the same stream by different paths (a fast path and the general one) must agree on everything a
/// renderer or the next byte could see: the pen, the cursor, the history, each line's wrap flag, and each cell's text,
/// width and style.
/// </summary>
internal static class ScreenComparison
{
    public static void ShouldMatch(ScreenBuffer actual, ScreenBuffer expected, string stream)
    {
        var context = $"stream {stream.Replace("\e", "\\e", StringComparison.Ordinal)}";
        actual.Cursor.Pen.ShouldBe(expected.Cursor.Pen, context);
        actual.Scrollback.Count.ShouldBe(expected.Scrollback.Count, context);
        (actual.Cursor.Row, actual.Cursor.Column, actual.Cursor.PendingWrap)
            .ShouldBe((expected.Cursor.Row, expected.Cursor.Column, expected.Cursor.PendingWrap), context);
        for (var row = -expected.Scrollback.Count; row < expected.Rows; row++)
        {
            var a = actual.GetLine(row);
            var e = expected.GetLine(row);
            a.Wrapped.ShouldBe(e.Wrapped, $"{context}, row {row}");
            var aCells = a.Cells;
            var eCells = e.Cells;
            for (var column = 0; column < eCells.Length; column++)
            {
                actual.GetCellText(aCells[column]).ShouldBe(expected.GetCellText(eCells[column]), $"{context}, row {row}, column {column}");
                aCells[column].Width.ShouldBe(eCells[column].Width, $"{context}, row {row}, column {column}");
                aCells[column].Style.ShouldBe(eCells[column].Style, $"{context}, row {row}, column {column}");
            }
        }
    }
}

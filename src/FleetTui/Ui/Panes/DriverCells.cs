using System.Drawing;
using System.Globalization;
using Terminal.Gui.Drivers;
using Attribute = Terminal.Gui.Drawing.Attribute;
using GuiCell = Terminal.Gui.Drawing.Cell;

namespace FleetTui.Ui.Panes;

/// <summary>
/// Writes runs of printable ASCII straight into the driver's cell buffer, where Terminal.Gui's AddStr builds a string,
/// a grapheme iterator and a text-element enumerator per cell (measured: 6 MiB and 12 ms a frame for a 160x48 screen of
/// ASCII, against nothing and 0.4 ms written directly; <c>FleetTui.Benchmarks pane-frame</c>). Cells outside the
/// driver's clip (under an overlay, outside the pane) are left alone, as AddStr leaves them; each cell's text is a
/// cached one-character string, so a frame allocates nothing.
/// </summary>
internal static class DriverCells
{
    // Below U+1100 (where the first wide characters start) every character that is not a mark, a control or a format
    // character takes one column on its own.
    internal const char FirstWide = '\u1100';
    private static readonly string?[] Texts = new string?[FirstWide];

    /// <summary>Whether <paramref name="text"/> can be written here: every character one column wide on its own.</summary>
    public static bool AllNarrow(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!IsNarrow(c))
                return false;
        }
        return true;
    }

    private static bool IsNarrow(char c) =>
        c is >= ' ' and < '\u007f'
        || (c is >= '\u00a0' and < FirstWide && CharUnicodeInfo.GetUnicodeCategory(c) is not (UnicodeCategory.NonSpacingMark
            or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark or UnicodeCategory.Format or UnicodeCategory.Control));

    /// <summary>
    /// Writes <paramref name="text"/> (characters for which <see cref="AllNarrow"/> holds) from screen position
    /// <paramref name="at"/> on one row; false when the driver has no buffer to write (the caller draws through
    /// Terminal.Gui instead).
    /// </summary>
    public static bool TryWrite(IDriver? driver, Point at, ReadOnlySpan<char> text, Attribute attribute)
    {
        if (driver?.Contents is not { } contents)
            return false;
        var rows = contents.GetLength(0);
        var columns = contents.GetLength(1);
        if (at.Y < 0 || at.Y >= rows)
            return true;
        var clip = driver.Clip;
        var wrote = false;
        for (var i = 0; i < text.Length; i++)
        {
            var x = at.X + i;
            if (x < 0 || x >= columns || (clip is not null && !clip.Contains(x, at.Y)))
                continue;
            var c = text[i] < FirstWide ? text[i] : ' ';
            contents[at.Y, x] = new GuiCell(attribute, true, Texts[c] ??= c.ToString());
            wrote = true;
        }

        if (wrote && driver.GetOutputBuffer().DirtyLines is { } dirty && at.Y < dirty.Length)
            dirty[at.Y] = true;
        return true;
    }
}

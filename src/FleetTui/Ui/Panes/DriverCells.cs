using System.Collections.Concurrent;
using System.Drawing;
using System.Globalization;
using Terminal.Gui.Drivers;
using Attribute = Terminal.Gui.Drawing.Attribute;
using GuiCell = Terminal.Gui.Drawing.Cell;

namespace FleetTui.Ui.Panes;

/// <summary>
/// Writes pane cells straight into the driver's cell buffer, where Terminal.Gui's AddStr builds a string, a grapheme
/// iterator and a text-element enumerator per cell (measured: 6 MiB and 12 ms a frame for a 160x48 screen of ASCII,
/// against nothing and 0.4 ms written directly; <c>FleetTui.Benchmarks pane-frame</c>). Runs of narrow characters go
/// through <see cref="TryWrite"/>; a wide character, a character from U+1100 up or a grapheme cluster through
/// <see cref="TryWriteCell"/>, which leaves the cells as AddStr would. Cells outside the driver's clip (under an
/// overlay, outside the pane) are left alone, as AddStr leaves them; each cell's text is a cached string, so a frame
/// allocates nothing.
/// </summary>
internal static class DriverCells
{
    // Below U+1100 (where the first wide characters start) every character that is not a mark, a control or a format
    // character takes one column on its own.
    internal const char FirstWide = '\u1100';
    private static readonly string?[] Texts = new string?[FirstWide];

    // Texts of code points from U+1100 up, and how many columns Terminal.Gui gives a cell's text. Bounded: a stream of
    // ever new characters costs an allocation each past the bound, never unbounded memory.
    private const int MostCached = 16_384;
    private static readonly ConcurrentDictionary<int, string> WideTexts = new();
    private static readonly ConcurrentDictionary<string, int> TextColumns = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, string> StoredTexts = new(StringComparer.Ordinal);

    /// <summary>
    /// Makes this thread's pane drawing go through Terminal.Gui's AddStr instead (every Try* answers false): for tests and
    /// benchmarks comparing the two paths cell for cell and byte for byte.
    /// </summary>
    [ThreadStatic]
    internal static bool ThroughTerminalGui;

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
        if (ThroughTerminalGui || driver?.Contents is not { } contents)
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
            if (!wrote)
                ForgetWideOnTheLeft(contents, at.Y, x); // further on, the cell on the left is one just written
            var c = text[i] < FirstWide ? text[i] : ' ';
            contents[at.Y, x] = new GuiCell(attribute, true, Texts[c] ??= c.ToString());
            wrote = true;
        }

        if (wrote && driver.GetOutputBuffer().DirtyLines is { } dirty && at.Y < dirty.Length)
            dirty[at.Y] = true;
        return true;
    }

    /// <summary>
    /// Writes one cell's <paramref name="text"/> (one or two columns: <paramref name="wide"/>) at screen position
    /// <paramref name="at"/>, leaving the driver's cells as AddStr leaves them: nothing outside the screen or the clip;
    /// a wide character whose right half is clipped becomes Terminal.Gui's replacement glyph; the right half of a wide
    /// character keeps its text and takes the attribute (changed only if different); after a narrow one the next cell is
    /// marked changed. False when the driver has no buffer to write (the caller draws through Terminal.Gui instead).
    /// </summary>
    public static bool TryWriteCell(IDriver? driver, Point at, string text, bool wide, Attribute attribute)
    {
        if (ThroughTerminalGui || driver?.Contents is not { } contents)
            return false;
        var rows = contents.GetLength(0);
        var columns = contents.GetLength(1);
        var width = wide ? 2 : 1;
        var clip = driver.Clip;
        if (at.Y < 0 || at.Y >= rows || at.X < 0 || at.X + width > columns || (clip is not null && !clip.Contains(at.X, at.Y)))
            return true;
        ForgetWideOnTheLeft(contents, at.Y, at.X);
        text = AsStored(text);
        var nextInClip = at.X + 1 < columns && (clip is null || clip.Contains(at.X + 1, at.Y));
        if (!wide)
        {
            contents[at.Y, at.X] = new GuiCell(attribute, true, text);
            if (nextInClip)
                contents[at.Y, at.X + 1].IsDirty = true;
        }
        else if (!nextInClip)
        {
            contents[at.Y, at.X] = new GuiCell(attribute, true, TextOf(global::Terminal.Gui.Drawing.Glyphs.WideGlyphReplacement.Value));
        }
        else
        {
            contents[at.Y, at.X] = new GuiCell(attribute, true, text);
            ref var right = ref contents[at.Y, at.X + 1];
            if (right.Attribute != attribute)
            {
                right.Attribute = attribute;
                right.IsDirty = true;
            }
        }

        if (driver.GetOutputBuffer().DirtyLines is { } dirty && at.Y < dirty.Length)
            dirty[at.Y] = true;
        return true;
    }

    /// <summary>
    /// A wide character on the left of a cell being written loses its right half: it becomes Terminal.Gui's replacement
    /// glyph, as AddStr does (a wide character's right half keeps the text it had before, which may itself be a stale wide
    /// character: this is what blanks it).
    /// </summary>
    private static void ForgetWideOnTheLeft(GuiCell[,] contents, int row, int column)
    {
        if (column <= 0)
            return;
        ref var left = ref contents[row, column - 1];
        if (left.Grapheme is not { } text || Columns(text) <= 1)
            return;
        left = new GuiCell(left.Attribute, true, TextOf(global::Terminal.Gui.Drawing.Glyphs.WideGlyphReplacement.Value));
    }

    /// <summary>
    /// <paramref name="text"/> as Terminal.Gui stores it in a cell when AddStr writes it (its setter checks that it is one
    /// grapheme and puts it in normalization form C: <c>e</c> + U+0301 becomes <c>é</c>), cached: the setter allocates
    /// for every cell. Text it refuses (more than one grapheme by its rules) is kept as it is.
    /// </summary>
    private static string AsStored(string text)
    {
        if (text.Length == 1 && text[0] < '\u0080')
            return text;
        if (StoredTexts.TryGetValue(text, out var stored))
            return stored;
        try
        {
            stored = new GuiCell { Grapheme = text }.Grapheme;
        }
        catch (Exception error) when (error is InvalidOperationException or ArgumentException)
        {
            stored = text;
        }
        if (StoredTexts.Count < MostCached)
            StoredTexts.TryAdd(text, stored);
        return stored;
    }

    /// <summary>The text of one code point, cached (no allocation once seen).</summary>
    public static string TextOf(int codePoint)
    {
        if (codePoint < FirstWide)
            return Texts[codePoint] ??= ((char)codePoint).ToString();
        if (WideTexts.TryGetValue(codePoint, out var text))
            return text;
        text = char.ConvertFromUtf32(codePoint);
        if (WideTexts.Count < MostCached)
            WideTexts.TryAdd(codePoint, text);
        return text;
    }

    /// <summary>
    /// How many columns Terminal.Gui gives a cell's text (its output relies on it to skip a wide character's right half),
    /// cached: Terminal.Gui measures through a rune enumerator and a closure, an allocation per call.
    /// </summary>
    public static int Columns(string text)
    {
        if (text.Length == 1 && text[0] < FirstWide && IsNarrow(text[0]))
            return 1;
        if (TextColumns.TryGetValue(text, out var count))
            return count;
        count = global::Terminal.Gui.Text.StringExtensions.GetColumns(text);
        if (TextColumns.Count < MostCached)
            TextColumns.TryAdd(text, count);
        return count;
    }
}

namespace FleetTui.Terminal.Screen;

/// <summary>
/// The cursor: 0-based position, the pending-wrap flag (the last column was just written; the next printable
/// character wraps first), the pen (style given to printed cells), shape and the character sets.
/// </summary>
public sealed class Cursor
{
    public int Row { get; internal set; }

    public int Column { get; internal set; }

    /// <summary>xterm's "last column flag": a character was written in the last column and the cursor has not moved yet.</summary>
    public bool PendingWrap { get; internal set; }

    /// <summary>The style printed characters get (SGR).</summary>
    public CellStyle Pen { get; internal set; }

    public CursorShape Shape { get; internal set; }

    public bool Blinking { get; internal set; }

    public CharsetState Charsets { get; internal set; }

    internal SavedCursor Save(bool originMode, bool autoWrap) => new(Row, Column, PendingWrap, Pen, Charsets, originMode, autoWrap);

    internal void Reset()
    {
        Row = 0;
        Column = 0;
        PendingWrap = false;
        Pen = default;
        Shape = CursorShape.Default;
        Blinking = false;
        Charsets = default;
    }
}

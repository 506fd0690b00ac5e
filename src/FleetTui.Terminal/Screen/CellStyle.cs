namespace FleetTui.Terminal.Screen;

/// <summary>
/// How a cell is drawn: colors, attributes, underline style and color, and an OSC 8 hyperlink id
/// (0 = none; resolve with <see cref="ScreenBuffer.GetHyperlink"/>). 16 bytes; the default value is the default style.
/// </summary>
public readonly record struct CellStyle(
    TerminalColor Foreground,
    TerminalColor Background,
    TerminalColor UnderlineColor,
    CellFlags Flags,
    UnderlineStyle Underline,
    ushort HyperlinkId)
{
    public static CellStyle Default => default;

    public bool Has(CellFlags flag) => (Flags & flag) != 0;

    /// <summary>The style an erase leaves behind: only the background survives (xterm's and tmux's BCE).</summary>
    public CellStyle ForErase() => Background.IsDefault ? default : new CellStyle(default, Background, default, CellFlags.None, UnderlineStyle.None, 0);

    public CellStyle With(CellFlags flag, bool on) => this with { Flags = on ? Flags | flag : Flags & ~flag };
}

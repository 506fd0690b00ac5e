namespace FleetTui.Terminal.Screen;

/// <summary>What DECSC saves and DECRC restores: position, pending wrap, pen, character sets, origin mode, auto-wrap.</summary>
public readonly record struct SavedCursor(
    int Row,
    int Column,
    bool PendingWrap,
    CellStyle Pen,
    CharsetState Charsets,
    bool OriginMode,
    bool AutoWrap);
